package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/** The reviewed changes of one host, in apply order. */
public record HostPlan(String host, ImmutableList<PlannedChange> changes) {
  public ImmutableSet<String> ids() {
    return changes.stream().map(PlannedChange::id).collect(ImmutableSet.toImmutableSet());
  }
}
