package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
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
 * each database invariant, then a local comparison. Nothing is changed anywhere. What it found is also the
 * host's plan: every change with the digests of the facts it rests on. A database that cannot be read
 * fails its invariant only.
 */
final class HostCheck {
  /** The check's report entries, the plan of its changes, and every resource's fact digests by id. */
  record Observed(ImmutableList<ResourceResult> results, HostPlan plan,
      ImmutableMap<String, ImmutableSortedMap<String, String>> digests) {}

  private HostCheck() {}

  static ImmutableList<ResourceResult> run(HostLink link, DesiredState desired, String host) {
    return observe(link, desired, host).results();
  }

  static Observed observe(HostLink link, DesiredState desired, String host) {
    List<ShellResource> shellResources = new ArrayList<>();
    desired.phases().forEach(p -> p.resourcesOf(host).stream()
        .filter(ShellResource.class::isInstance).map(ShellResource.class::cast).forEach(shellResources::add));
    HostFacts facts = shellResources.isEmpty() ? null : HostObserver.observe(link.shell(), shellResources);
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    ImmutableList.Builder<PlannedChange> changes = ImmutableList.builder();
    ImmutableMap.Builder<String, ImmutableSortedMap<String, String>> digests = ImmutableMap.builder();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (HostResource resource : phase.resourcesOf(host)) {
        String id = resource.declaration().id().toString();
        Optional<Change> change;
        ImmutableSortedMap<String, String> rests;
        try {
          if (resource instanceof ShellResource shell) {
            change = shell.compare(facts);
            rests = FactDigests.of(shell, facts);
          } else {
            change = ((DatabaseResource) resource).plan(link.database()).map(DatabasePlan::change);
            rests = FactDigests.ofDatabase(id, change);
          }
        } catch (DatabaseException e) {
          // A database that cannot be read (down, locked, too slow) fails this invariant; the host's
          // other resources are still checked.
          results.add(ResourceResult.failed(id, resource.declaration().id().type(), phase.name(), e.getMessage()));
          continue;
        }
        digests.put(id, rests);
        change.ifPresent(c -> changes.add(new PlannedChange(id, resource.declaration().id().type(), phase.name(),
            c.before(), c.after(), c.diff(), rests)));
        results.add(change
            .map(c -> ResourceResults.of(resource, phase.name(), ResourceStatus.DRIFT, c, Optional.empty(), ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase.name())));
      }
    }
    return new Observed(results.build(), new HostPlan(host, changes.build()), digests.buildKeepingLast());
  }
}
