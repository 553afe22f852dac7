package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.List;
import java.util.Optional;

/**
 * What each shell resource of a phase on one host is in the report, from what apply did to it and what
 * the observation after the phase found. A resource still off is `failed`, never `changed`; after a
 * failure the rest is `skipped` with its drift, and so is what a cancellation kept from starting.
 */
final class ResultClassifier {
  static final String AFTER_FAILURE = "not attempted: an earlier resource on this host failed";
  static final String CHANGED_LATER = "changed by a later resource of this phase during apply";

  private ResultClassifier() {}

  /**
   * What happened to one resource during the phase.
   *
   * @param applied the change apply made or tried to make to it; empty when it did nothing to it
   * @param remaining how it differs in the observation after the phase; empty when it is as declared
   * @param notStarted why the phase did not get to it (a cancellation); empty when it did
   */
  record Turn(ShellResource resource, Optional<AppliedChange> applied, Optional<Change> remaining,
      Optional<String> notStarted) {}

  /** One outcome per turn, in order. */
  static ImmutableList<ResourceOutcome> classify(String phase, List<Turn> turns) {
    ImmutableList.Builder<ResourceOutcome> results = ImmutableList.builder();
    boolean afterFailure = false;
    for (Turn turn : turns) {
      results.add(ResourceOutcome.of(turn.resource(), classify(phase, turn, afterFailure)));
      afterFailure |= turn.applied().filter(a -> !a.outcome().done()).isPresent();
    }
    return results.build();
  }

  private static ResourceResult classify(String phase, Turn turn, boolean afterFailure) {
    ShellResource resource = turn.resource();
    if (turn.applied().isPresent()) {
      return applied(phase, resource, turn.applied().get(), turn.remaining());
    }
    if (afterFailure) {
      return skipped(phase, resource, turn.remaining(), AFTER_FAILURE);
    }
    if (turn.notStarted().isPresent()) {
      return skipped(phase, resource, turn.remaining(), turn.notStarted().get());
    }
    return turn.remaining()
        .map(c -> ResourceResults.of(resource, phase, ResourceStatus.FAILED, c, Optional.of(CHANGED_LATER),
            ImmutableList.of()))
        .orElseGet(() -> ResourceResults.ok(resource, phase));
  }

  private static ResourceResult applied(String phase, ShellResource resource, AppliedChange done,
      Optional<Change> remaining) {
    if (!done.outcome().done()) {
      return ResourceResults.of(resource, phase, ResourceStatus.FAILED, done.change(), done.outcome().error(),
          done.outcome().backups());
    }
    if (remaining.isPresent()) {
      String why = "still differs after apply: now " + remaining.get().before() + ", wanted " + remaining.get().after();
      return ResourceResults.of(resource, phase, ResourceStatus.FAILED, done.change(), Optional.of(why),
          done.outcome().backups());
    }
    return ResourceResults.of(resource, phase, ResourceStatus.CHANGED, done.change(), Optional.empty(),
        done.outcome().backups());
  }

  /** Not attempted: skipped with its drift, or ok when it is as declared anyway. */
  private static ResourceResult skipped(String phase, ShellResource resource, Optional<Change> remaining,
      String reason) {
    return remaining
        .map(c -> ResourceResults.of(resource, phase, ResourceStatus.SKIPPED, c, Optional.of(reason),
            ImmutableList.of()))
        .orElseGet(() -> ResourceResults.ok(resource, phase));
  }
}
