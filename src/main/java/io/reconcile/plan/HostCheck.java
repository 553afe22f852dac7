package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.reconcile.db.engine.DatabaseException;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Check mode for one host: one observation of every shell resource of every phase, a read-only look at
 * each database invariant (while the observation runs), then a local comparison. Nothing is changed
 * anywhere. What it found is also the host's plan: every change with the digests of the facts it rests on.
 * A database that cannot be read fails its invariant only.
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
    List<DatabaseResource> invariants = new ArrayList<>();
    desired.phases().forEach(p -> p.resourcesOf(host).forEach(r -> {
      if (r instanceof ShellResource shell) {
        shellResources.add(shell);
      } else {
        invariants.add((DatabaseResource) r);
      }
    }));
    // The invariants read the databases alone, never the host's facts: they are read while the host runs
    // its observation script, instead of after it (the script of a Synnefo host runs snf-manage).
    Supplier<HostFacts> facts = shellResources.isEmpty() ? () -> null
        : invariants.isEmpty() ? constant(HostObserver.observe(link.shell(), shellResources))
        : InParallel.start("observe " + host, () -> HostObserver.observe(link.shell(), shellResources));
    Map<DatabaseResource, Read> read = new IdentityHashMap<>();
    RuntimeException broken = null; // stops the host, after the observation's own failure (which comes first)
    for (DatabaseResource invariant : invariants) {
      try {
        read.put(invariant, Read.of(invariant, link));
      } catch (RuntimeException e) {
        broken = e;
        break;
      }
    }
    HostFacts observed = facts.get();
    if (broken != null) {
      throw broken;
    }
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    ImmutableList.Builder<PlannedChange> changes = ImmutableList.builder();
    ImmutableMap.Builder<String, ImmutableSortedMap<String, String>> digests = ImmutableMap.builder();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (HostResource resource : phase.resourcesOf(host)) {
        String id = resource.declaration().id().toString();
        Optional<Change> change;
        ImmutableSortedMap<String, String> rests;
        if (resource instanceof ShellResource shell) {
          change = shell.compare(observed);
          rests = FactDigests.of(shell, observed);
        } else {
          Read database = read.get(resource);
          if (database.failure().isPresent()) {
            // A database that cannot be read (down, locked, too slow) fails this invariant; the host's
            // other resources are still checked.
            results.add(ResourceResult.failed(id, resource.declaration().id().type(), phase.name(),
                database.failure().get().getMessage()));
            continue;
          }
          change = database.change();
          rests = FactDigests.ofDatabase(id, change);
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

  /** What an invariant's read-only look found: its change, or why the database could not be read. */
  private record Read(Optional<Change> change, Optional<DatabaseException> failure) {
    static Read of(DatabaseResource invariant, HostLink link) {
      try {
        return new Read(invariant.plan(link.database()).map(DatabasePlan::change), Optional.empty());
      } catch (DatabaseException e) {
        return new Read(Optional.empty(), Optional.of(e));
      }
    }
  }

  private static <T> Supplier<T> constant(T value) {
    return () -> value;
  }
}
