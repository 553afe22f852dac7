package io.reconcile.plan;

import com.google.common.collect.ImmutableMap;
import io.reconcile.host.HostFacts;
import io.reconcile.state.ResourceId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where one phase's apply on one host stands between two resources' turns.
 *
 * @param applied what apply did, or tried to do, to each resource so far
 * @param facts fresh for the resources still to come; empty after a script that observed nothing after itself
 * @param settled whether the facts are of the whole phase and nothing was done since: the last word on it
 * @param cancelledAt the first resource not started because the run was cancelled
 */
record ApplyProgress(ImmutableMap<ResourceId, AppliedChange> applied, Optional<HostFacts> facts, boolean settled,
    OptionalInt cancelledAt) {

  /** What one script did: the changes it made or tried, and the facts it observed after itself, if any. */
  record Acted(ImmutableMap<ResourceId, AppliedChange> applied, Optional<HostFacts> factsAfter) {}

  /** Before the first turn: the phase observed, nothing done. */
  static ApplyProgress start(HostFacts phaseFacts) {
    return new ApplyProgress(ImmutableMap.of(), Optional.of(phaseFacts), true, OptionalInt.empty());
  }

  /** Whether a change failed: the host stops (later declarations may rely on earlier ones). */
  boolean failed() {
    return applied.values().stream().anyMatch(a -> !a.outcome().done());
  }

  /** Nothing done at this turn, on these facts. */
  ApplyProgress observed(HostFacts fresh) {
    return new ApplyProgress(applied, Optional.of(fresh), settled, cancelledAt);
  }

  /** A script ran: its changes join the others, and what it observed after itself is what comes next. */
  ApplyProgress then(Acted acted) {
    ImmutableMap<ResourceId, AppliedChange> merged = ImmutableMap.<ResourceId, AppliedChange>builder()
        .putAll(applied).putAll(acted.applied()).buildKeepingLast();
    return new ApplyProgress(merged, acted.factsAfter(), acted.factsAfter().isPresent(), cancelledAt);
  }

  ApplyProgress cancelledBefore(int resource) {
    return new ApplyProgress(applied, facts, settled, OptionalInt.of(resource));
  }

  /** Whether the cancellation kept the phase from starting resource {@code index}. */
  boolean notStarted(int index) {
    return cancelledAt.isPresent() && index >= cancelledAt.getAsInt();
  }

  /** The facts that are the last word on the phase, when nothing was done since they were observed. */
  Optional<HostFacts> lastWord() {
    return settled ? facts : Optional.empty();
  }
}
