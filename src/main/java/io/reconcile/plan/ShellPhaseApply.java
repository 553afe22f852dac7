package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;
import io.reconcile.host.HostAction;
import io.reconcile.host.HostApplier;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostShell;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.state.Handler;
import io.reconcile.state.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apply of one phase's shell resources on one host. Each resource is decided at its turn, on facts that
 * are fresh for it: the host is observed once up front, and every script that acts observes the whole
 * phase again in its own round trip (apt runs maintainer scripts that start services and replace
 * conffiles; a command can do anything; a write touches its path). All package changes of the phase go
 * in one apt-get run, at the turn of the first. File changes that the same facts decide go together in
 * one script, up to one that touches what a later resource observes. The first failure stops the host
 * (later declarations may rely on earlier ones); so does a {@link Cancellation}, after the script in
 * flight. Handlers notified by what was done run once, then the host is observed again: a resource
 * still off is `failed`, never `changed`; one not reached because of the cancellation is `skipped`.
 */
final class ShellPhaseApply {
  private final HostShell shell;
  private final HostApplier applier;
  private final ImmutableMap<String, Handler> handlers;
  private final Cancellation cancellation;
  private final ServiceScripts services;

  ShellPhaseApply(HostShell shell, String backupDir, Duration dpkgLockWait, ImmutableMap<String, Handler> handlers,
      Cancellation cancellation, ServiceScripts services) {
    this.shell = shell;
    this.applier = new HostApplier(shell, backupDir, dpkgLockWait);
    this.handlers = handlers;
    this.cancellation = cancellation;
    this.services = services;
  }

  private record Applied(Change change, ApplyOutcome outcome) {}

  ImmutableList<ResourceResult> run(String phase, List<ShellResource> resources) {
    Map<ResourceId, Applied> applied = new LinkedHashMap<>();
    HostFacts facts = HostObserver.observe(shell, resources);
    boolean settled = true; // facts cover every resource of the phase, and nothing was done since
    boolean stale = false;
    Optional<String> failure = Optional.empty();
    int cancelledAt = resources.size(); // the first resource not started because the run was cancelled
    for (int i = 0; i < resources.size() && failure.isEmpty(); i++) {
      if (cancellation.reason().isPresent()) {
        cancelledAt = i;
        break;
      }
      ShellResource resource = resources.get(i);
      if (applied.containsKey(id(resource))) {
        continue; // its change went with an earlier script: the apt-get run, or a batch of file changes
      }
      List<ShellResource> rest = resources.subList(i, resources.size());
      if (stale) {
        facts = HostObserver.observe(shell, rest);
        stale = false;
      }
      Optional<Change> change = resource.compare(facts);
      if (change.isEmpty()) {
        continue;
      }
      Optional<HostFacts> after; // none: observe again before deciding anything more
      Optional<String> refused = refusal(change.get());
      if (refused.isPresent()) {
        applied.put(id(resource), new Applied(change.get(), ApplyOutcome.failure(refused.get())));
        after = Optional.empty();
      } else if (hasPackages(change.get())) {
        after = runPackages(rest, resources, facts, applied);
      } else {
        after = runBatch(batch(i, change.get(), resources, facts, applied), resources, applied);
      }
      facts = after.orElse(facts);
      stale = after.isEmpty();
      settled = after.isPresent();
      failure = applied.values().stream().map(Applied::outcome).filter(o -> !o.done()).findFirst().flatMap(ApplyOutcome::error);
    }
    ImmutableList<ResourceResult> handlerResults = failure.isPresent() ? ImmutableList.of() : runHandlers(phase, resources, applied);
    // Nothing done since the last observation of the whole phase (none at all on a converged host, or
    // only the apt-get run that observed after itself): that observation is the last word.
    HostFacts after = settled && handlerResults.isEmpty() ? facts : HostObserver.observe(shell, resources);
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    boolean reachedFailure = false;
    for (int i = 0; i < resources.size(); i++) {
      ShellResource resource = resources.get(i);
      Applied done = applied.get(id(resource));
      Optional<Change> remaining = resource.compare(after);
      if (done != null && !done.outcome().done()) {
        reachedFailure = true;
        results.add(ResourceResults.of(resource, phase, ResourceStatus.FAILED, done.change(), done.outcome().error(), done.outcome().backups()));
      } else if (done == null && reachedFailure) {
        results.add(remaining
            .map(c -> ResourceResults.of(resource, phase, ResourceStatus.SKIPPED, c,
                Optional.of("not attempted: an earlier resource on this host failed"), ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase)));
      } else if (done == null && i >= cancelledAt) {
        results.add(remaining
            .map(c -> ResourceResults.of(resource, phase, ResourceStatus.SKIPPED, c, Optional.of(cancellation.skipReason()),
                ImmutableList.of()))
            .orElseGet(() -> ResourceResults.ok(resource, phase)));
      } else if (remaining.isPresent()) {
        Change planned = done == null ? remaining.get() : done.change();
        String why = done == null
            ? "changed by a later resource of this phase during apply"
            : "still differs after apply: now " + remaining.get().before() + ", wanted " + remaining.get().after();
        results.add(ResourceResults.of(resource, phase, ResourceStatus.FAILED, planned, Optional.of(why),
            done == null ? ImmutableList.of() : done.outcome().backups()));
      } else if (done != null) {
        results.add(ResourceResults.of(resource, phase, ResourceStatus.CHANGED, done.change(), Optional.empty(), done.outcome().backups()));
      } else {
        results.add(ResourceResults.ok(resource, phase));
      }
    }
    ImmutableList<ResourceResult> all = results.addAll(handlerResults).build();
    services.settle(all);
    return all;
  }

  /**
   * The package changes of every resource from here on, in one apt-get run, and the facts of all the
   * phase's resources observed after it in the same round trip (none when it failed or they need none):
   * apt can undo what an earlier resource of the phase found in place, such as a stopped service.
   */
  private Optional<HostFacts> runPackages(List<ShellResource> rest, List<ShellResource> all, HostFacts facts,
      Map<ResourceId, Applied> applied) {
    Map<ResourceId, Change> packageChanges = new LinkedHashMap<>();
    for (ShellResource resource : rest) {
      if (!applied.containsKey(id(resource))) {
        resource.compare(facts).filter(ShellPhaseApply::hasPackages).ifPresent(c -> packageChanges.put(id(resource), c));
      }
    }
    List<String> arguments = packageChanges.values().stream()
        .flatMap(c -> c.actions().stream())
        .filter(HostAction.PackageChange.class::isInstance)
        .map(a -> ((HostAction.PackageChange) a).aptArgument())
        .toList();
    HostApplier.PackagesOutcome outcome = applier.runPackages(arguments, all);
    packageChanges.forEach((id, change) -> applied.put(id, new Applied(change, outcome.outcome())));
    return outcome.factsAfter();
  }

  private record Planned(ShellResource resource, Change change) {}

  /**
   * The change at hand and, when it only touches files, the file changes of the resources after it
   * that the same facts decide: up to the first that touches what a later resource observes, or one
   * that is not a file change. One script carries them all.
   */
  private static List<Planned> batch(int from, Change first, List<ShellResource> resources, HostFacts facts,
      Map<ResourceId, Applied> applied) {
    List<Planned> batch = new ArrayList<>(List.of(new Planned(resources.get(from), first)));
    boolean open = onlyFiles(first) && !touchesLaterFacts(first, resources.subList(from + 1, resources.size()));
    for (int j = from + 1; open && j < resources.size(); j++) {
      ShellResource next = resources.get(j);
      Optional<Change> change = applied.containsKey(id(next)) ? Optional.empty() : next.compare(facts);
      if (change.isEmpty()) {
        continue;
      }
      if (!onlyFiles(change.get())) {
        break;
      }
      batch.add(new Planned(next, change.get()));
      open = !touchesLaterFacts(change.get(), resources.subList(j + 1, resources.size()));
    }
    return batch;
  }

  /**
   * Runs a batch and observes the whole phase in the same round trip; no facts when a change failed. A
   * declared command is the exception: its script is bounded by the command's own timeout alone, so
   * the observation after it takes a round trip of its own.
   */
  private Optional<HostFacts> runBatch(List<Planned> batch, List<ShellResource> all, Map<ResourceId, Applied> applied) {
    boolean command = batch.stream().flatMap(p -> p.change().actions().stream()).anyMatch(HostAction.RunCommand.class::isInstance);
    Instant sent = Instant.now();
    HostApplier.ChangesOutcome outcome = applier.apply(batch.stream().map(p -> p.change().actions()).toList(),
        command ? List.of() : all);
    Instant returned = Instant.now();
    for (int k = 0; k < outcome.outcomes().size(); k++) {
      Planned planned = batch.get(k);
      ApplyOutcome done = outcome.outcomes().get(k);
      applied.put(id(planned.resource()), new Applied(planned.change(), done));
      services.ran(id(planned.resource()).toString(), planned.change().actions(), done.done(), sent, returned);
    }
    return outcome.factsAfter();
  }

  private static boolean onlyFiles(Change change) {
    return change.actions().stream().allMatch(a -> a instanceof HostAction.WriteFile || a instanceof HostAction.SetAttributes
        || a instanceof HostAction.DeleteFile);
  }

  /** Why the host cannot make this change, when it cannot (e.g. a line in a file that does not exist). */
  private static Optional<String> refusal(Change change) {
    return change.actions().stream().filter(HostAction.Fail.class::isInstance).map(a -> ((HostAction.Fail) a).reason()).findFirst();
  }

  private static boolean hasPackages(Change change) {
    return change.actions().stream().anyMatch(HostAction.PackageChange.class::isInstance);
  }

  /** Whether an applied change may have altered what the resources after it observe. */
  private static boolean touchesLaterFacts(Change change, List<ShellResource> later) {
    if (later.isEmpty()) {
      return false;
    }
    ObservationRequest.Builder builder = ObservationRequest.builder();
    later.forEach(r -> r.request(builder));
    ObservationRequest observed = builder.build();
    for (HostAction action : change.actions()) {
      if (action instanceof HostAction.PackageChange || action instanceof HostAction.RunCommand) {
        return true;
      }
      Optional<String> path = action instanceof HostAction.WriteFile w ? Optional.of(w.path())
          : action instanceof HostAction.SetAttributes a ? Optional.of(a.path())
          : action instanceof HostAction.DeleteFile d ? Optional.of(d.path())
          : Optional.empty();
      Optional<String> service = action instanceof HostAction.ServiceControl c ? Optional.of(c.service())
          : action instanceof HostAction.ServiceBoot b ? Optional.of(b.service())
          : Optional.empty();
      if (path.filter(observed.files()::contains).isPresent() || service.filter(observed.services()::contains).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Each handler notified by a resource that changed runs once, in handler declaration order. */
  private ImmutableList<ResourceResult> runHandlers(String phase, List<ShellResource> resources, Map<ResourceId, Applied> applied) {
    Set<String> notified = new LinkedHashSet<>();
    for (ShellResource resource : resources) {
      Applied done = applied.get(id(resource));
      if (done != null && done.outcome().done()) {
        notified.addAll(resource.declaration().notifies());
      }
    }
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    for (Handler handler : handlers.values()) {
      if (!notified.contains(handler.id())) {
        continue;
      }
      String id = "handler:" + handler.id();
      Instant sent = Instant.now();
      ApplyOutcome outcome = applier.runHandler(handler);
      if (handler.command().isEmpty()) {
        services.ran(id, List.of(new HostAction.ServiceControl(handler.service().orElseThrow(), handler.action())),
            outcome.done(), sent, Instant.now());
      }
      results.add(outcome.done()
          ? new ResourceResult(id, "handler", phase, ResourceStatus.CHANGED, Optional.empty(), Optional.of(handler.action()),
              Optional.empty(), Optional.empty(), ImmutableList.of())
          : ResourceResult.failed(id, "handler", phase, outcome.error().orElse("failed")));
    }
    return results.build();
  }

  private static ResourceId id(ShellResource resource) {
    return resource.declaration().id();
  }
}
