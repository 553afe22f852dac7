package io.reconcile.plan;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;
import java.util.Set;

/**
 * Whether what a host's saved plan rests on still holds: every planned change's fact digests as they were,
 * and nothing else differing that the plan did not change. The reason names the first item that moved.
 */
final class PlanStaleness {
  private PlanStaleness() {}

  static Optional<String> of(HostPlan planned, HostCheck.Observed now) {
    for (PlannedChange change : planned.changes()) {
      ImmutableSortedMap<String, String> current = now.digests().get(change.id());
      if (current == null) {
        return Optional.of(change.id() + " is no longer declared for the host");
      }
      Optional<String> moved = FactDigests.firstDifference(change.facts(), current);
      if (moved.isPresent()) {
        return Optional.of(moved.get() + " changed");
      }
    }
    Set<String> ids = planned.ids();
    return now.plan().changes().stream().filter(c -> !ids.contains(c.id())).findFirst()
        .map(c -> c.id() + " differs now, and did not when the plan was made");
  }
}
