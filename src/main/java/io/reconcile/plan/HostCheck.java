package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostResource;
import io.reconcile.host.HostShell;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Check mode for one host: one observation of every resource of every phase, then a local comparison. */
final class HostCheck {
  private HostCheck() {}

  static ImmutableList<ResourceResult> run(HostShell shell, DesiredState desired, String host) {
    List<HostResource> all = new ArrayList<>();
    desired.phases().forEach(p -> all.addAll(p.resourcesOf(host)));
    HostFacts facts = HostObserver.observe(shell, all);
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (HostResource resource : phase.resourcesOf(host)) {
        results.add(resource.compare(facts)
            .map(change -> ResourceResults.of(resource, phase.name(), ResourceStatus.DRIFT, change, Optional.empty(), ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase.name())));
      }
    }
    return results.build();
  }
}
