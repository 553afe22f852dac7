package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.ResourceResult;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one host's work returned: its report entry, and the value the run goes on with (a plan, the
 * results to verify), absent when the work failed or never started.
 */
record HostOutcome<T>(HostResult result, Optional<T> value) {
  static <T> HostOutcome<T> of(HostResult result) {
    return new HostOutcome<>(result, Optional.empty());
  }

  /** Runs one host's work; whatever goes wrong becomes that host's result, never the others'. */
  static <T> HostOutcome<T> guarded(HostTarget host, Supplier<T> work,
      Function<T, ImmutableList<ResourceResult>> results) {
    try {
      T value = work.get();
      ImmutableList<ResourceResult> entries = results.apply(value);
      return new HostOutcome<>(new HostResult(host.name(), HostResult.statusOf(entries, Optional.empty()),
          Optional.empty(), entries), Optional.of(value));
    } catch (HostUnreachableException e) {
      return of(new HostResult(host.name(), HostStatus.UNREACHABLE, Optional.of(e.getMessage()), ImmutableList.of()));
    } catch (RuntimeException e) {
      return failed(host, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  static <T> HostOutcome<T> failed(HostTarget host, String error) {
    return of(new HostResult(host.name(), HostStatus.FAILED, Optional.of(error), ImmutableList.of()));
  }

  /** This outcome's result, with a value for the run to go on with. */
  <U> HostOutcome<U> carrying(U next) {
    return new HostOutcome<>(result, Optional.of(next));
  }
}
