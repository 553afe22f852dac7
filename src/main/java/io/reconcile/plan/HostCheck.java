package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.DatabaseException;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.DatabaseResource;
import io.reconcile.host.Change;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostResource;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check mode for one host: one observation of every shell resource of every phase, a read-only look at
 * each database invariant, then a local comparison. Nothing is changed anywhere. A database that cannot
 * be read fails its invariant only.
 */
final class HostCheck {
  private HostCheck() {}

  static ImmutableList<ResourceResult> run(HostLink link, DesiredState desired, String host) {
    List<ShellResource> shellResources = new ArrayList<>();
    desired.phases().forEach(p -> p.resourcesOf(host).stream()
        .filter(ShellResource.class::isInstance).map(ShellResource.class::cast).forEach(shellResources::add));
    HostFacts facts = shellResources.isEmpty() ? null : HostObserver.observe(link.shell(), shellResources);
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (HostResource resource : phase.resourcesOf(host)) {
        Optional<Change> change;
        try {
          change = resource instanceof ShellResource shell
              ? shell.compare(facts)
              : ((DatabaseResource) resource).plan(link.database()).map(DatabasePlan::change);
        } catch (DatabaseException e) {
          // A database that cannot be read (down, locked, too slow) fails this invariant; the host's
          // other resources are still checked.
          results.add(ResourceResult.failed(resource.declaration().id().toString(), resource.declaration().id().type(),
              phase.name(), e.getMessage()));
          continue;
        }
        results.add(change
            .map(c -> ResourceResults.of(resource, phase.name(), ResourceStatus.DRIFT, c, Optional.empty(), ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase.name())));
      }
    }
    return results.build();
  }
}
