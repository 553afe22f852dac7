package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;
import io.reconcile.host.HostApplier;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostResource;
import io.reconcile.host.HostShell;
import io.reconcile.host.ShellResource;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.DatabaseResource;
import io.reconcile.db.DatabaseSession;
import io.reconcile.host.PendingChange;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.state.Handler;
import io.reconcile.state.ResourceId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apply of one phase on one host: observe, apply what differs, run notified handlers once, observe
 * again. A resource still off after apply is `failed`, never `changed`.
 */
final class PhaseApply {
  private final HostLink link;
  private final String backupDir;
  private final ImmutableMap<String, Handler> handlers;

  PhaseApply(HostLink link, String backupDir, ImmutableMap<String, Handler> handlers) {
    this.link = link;
    this.backupDir = backupDir;
    this.handlers = handlers;
  }

  /** A phase holds host resources or database invariants, never both (the state loader checks). */
  ImmutableList<ResourceResult> run(String phase, List<HostResource> resources) {
    if (resources.stream().allMatch(DatabaseResource.class::isInstance)) {
      return runDatabase(phase, resources.stream().map(DatabaseResource.class::cast).toList());
    }
    return runShell(phase, resources.stream().map(ShellResource.class::cast).toList());
  }

  /** Each invariant in order: plan, apply in its own transaction, plan again to confirm. */
  private ImmutableList<ResourceResult> runDatabase(String phase, List<DatabaseResource> resources) {
    DatabaseSession session = link.database();
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    boolean failed = false;
    for (DatabaseResource resource : resources) {
      if (failed) {
        results.add(ResourceResults.skipped(resource, phase, "not attempted: an earlier resource on this host failed"));
        continue;
      }
      Optional<DatabasePlan> plan = resource.plan(session);
      if (plan.isEmpty()) {
        results.add(ResourceResults.ok(resource, phase));
        continue;
      }
      ApplyOutcome outcome = plan.get().apply(session);
      Optional<DatabasePlan> remaining = outcome.done() ? resource.plan(session) : Optional.empty();
      ResourceStatus status = outcome.done() && remaining.isEmpty() ? ResourceStatus.CHANGED : ResourceStatus.FAILED;
      Optional<String> error = !outcome.done() ? outcome.error()
          : remaining.map(r -> "still differs after apply: now " + r.change().before() + ", wanted " + r.change().after());
      failed = status == ResourceStatus.FAILED;
      results.add(ResourceResults.of(resource, phase, status, plan.get().change(), error, outcome.backups()));
    }
    return results.build();
  }

  private ImmutableList<ResourceResult> runShell(String phase, List<ShellResource> resources) {
    HostShell shell = link.shell();
    HostApplier applier = new HostApplier(shell, backupDir);
    HostFacts before = HostObserver.observe(shell, resources);
    Map<ResourceId, Change> pending = new LinkedHashMap<>();
    for (ShellResource resource : resources) {
      resource.compare(before).ifPresent(change -> pending.put(resource.declaration().id(), change));
    }
    if (pending.isEmpty()) {
      return resources.stream().map(r -> ResourceResults.ok(r, phase)).collect(ImmutableList.toImmutableList());
    }
    List<PendingChange> changes = resources.stream()
        .filter(r -> pending.containsKey(r.declaration().id()))
        .map(r -> new PendingChange(r.declaration(), pending.get(r.declaration().id())))
        .toList();
    ImmutableMap<ResourceId, ApplyOutcome> outcomes = applier.apply(changes);
    ImmutableList<ResourceResult> handlerResults = runHandlers(applier, phase, resources, outcomes);
    HostFacts after = HostObserver.observe(shell, resources);

    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    for (ShellResource resource : resources) {
      ResourceId id = resource.declaration().id();
      Optional<Change> remaining = resource.compare(after);
      Change planned = pending.get(id);
      ApplyOutcome outcome = outcomes.get(id);
      if (planned == null) {
        results.add(remaining
            .map(c -> ResourceResults.of(resource, phase, ResourceStatus.FAILED, c,
                Optional.of("changed by another resource during apply and differs now"), ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase)));
      } else if (!outcome.done()) {
        results.add(ResourceResults.of(resource, phase, ResourceStatus.FAILED, planned, outcome.error(), outcome.backups()));
      } else if (remaining.isPresent()) {
        results.add(ResourceResults.of(resource, phase, ResourceStatus.FAILED, planned,
            Optional.of("still differs after apply: now " + remaining.get().before() + ", wanted " + remaining.get().after()),
            outcome.backups()));
      } else {
        results.add(ResourceResults.of(resource, phase, ResourceStatus.CHANGED, planned, Optional.empty(), outcome.backups()));
      }
    }
    return results.addAll(handlerResults).build();
  }

  /** Each handler notified by a resource that changed runs once, in handler declaration order. */
  private ImmutableList<ResourceResult> runHandlers(HostApplier applier, String phase, List<ShellResource> resources,
      ImmutableMap<ResourceId, ApplyOutcome> outcomes) {
    Set<String> notified = new LinkedHashSet<>();
    for (ShellResource resource : resources) {
      ApplyOutcome outcome = outcomes.get(resource.declaration().id());
      if (outcome != null && outcome.done()) {
        notified.addAll(resource.declaration().notifies());
      }
    }
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    for (Handler handler : handlers.values()) {
      if (!notified.contains(handler.id())) {
        continue;
      }
      ApplyOutcome outcome = applier.runHandler(handler);
      String id = "handler:" + handler.id();
      results.add(outcome.done()
          ? new ResourceResult(id, "handler", phase, ResourceStatus.CHANGED, Optional.empty(), Optional.of(handler.action()),
              Optional.empty(), Optional.empty(), ImmutableList.of())
          : ResourceResult.failed(id, "handler", phase, outcome.error().orElse("failed")));
    }
    return results.build();
  }
}
