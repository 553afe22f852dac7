package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;
import io.reconcile.host.HostApplier;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostShell;
import io.reconcile.host.ScriptAction;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.resource.command.RunCommand;
import io.reconcile.resource.service.ServiceControl;
import io.reconcile.report.ResourceStatus;
import io.reconcile.state.Handler;
import io.reconcile.state.ResourceId;
import java.time.Duration;
import java.time.Instant;
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
  /** How long a handler's command may take. */
  private static final Duration HANDLER_COMMAND_TIMEOUT = Duration.ofMinutes(10);
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

  ImmutableList<ResourceOutcome> run(String phase, List<ShellResource> resources) {
    ApplyProgress done = act(resources);
    ImmutableList<ResourceOutcome> handlerResults =
        done.failed() ? ImmutableList.of() : runHandlers(phase, resources, done.applied());
    // Nothing done since the last observation of the whole phase (none at all on a converged host, or
    // only the apt-get run that observed after itself): that observation is the last word.
    HostFacts after = done.lastWord().filter(f -> handlerResults.isEmpty())
        .orElseGet(() -> HostObserver.observe(shell, resources));
    ImmutableList<ResourceOutcome> all = ImmutableList.<ResourceOutcome>builder()
        .addAll(ResultClassifier.classify(phase, turns(resources, done, after)))
        .addAll(handlerResults)
        .build();
    services.settle(all.stream().map(ResourceOutcome::result).toList());
    return all;
  }

  /** Every resource's turn in order, until a change fails or the run is cancelled. */
  private ApplyProgress act(List<ShellResource> resources) {
    ApplyProgress progress = ApplyProgress.start(HostObserver.observe(shell, resources));
    for (int i = 0; i < resources.size() && !progress.failed(); i++) {
      if (cancellation.reason().isPresent()) {
        return progress.cancelledBefore(i);
      }
      // A resource already applied had its change go with an earlier script: the apt-get run, or a batch of files.
      if (!progress.applied().containsKey(id(resources.get(i)))) {
        progress = turn(fresh(progress, resources.subList(i, resources.size())), resources, i);
      }
    }
    return progress;
  }

  /** Facts fresh for the resources from here on: observed again when the last script observed nothing after it. */
  private ApplyProgress fresh(ApplyProgress progress, List<ShellResource> rest) {
    return progress.facts().isPresent() ? progress : progress.observed(HostObserver.observe(shell, rest));
  }

  /** Resource {@code i} compared on the facts at hand; its change made, with any that go in the same script. */
  private ApplyProgress turn(ApplyProgress progress, List<ShellResource> resources, int i) {
    HostFacts facts = progress.facts().orElseThrow();
    Optional<Change> change = resources.get(i).compare(facts);
    if (change.isEmpty()) {
      return progress;
    }
    if (change.get().refusal().isPresent()) {
      return progress.then(refused(resources.get(i), change.get()));
    }
    return progress.then(ScriptBatch.hasPackages(change.get())
        ? runPackages(resources.subList(i, resources.size()), resources, facts, progress.applied())
        : runBatch(ScriptBatch.of(i, change.get(), resources, facts, progress.applied()), resources));
  }

  /** What apply did to each resource and how it differs in the observation after the phase. */
  private ImmutableList<ResultClassifier.Turn> turns(List<ShellResource> resources, ApplyProgress done,
      HostFacts after) {
    ImmutableList.Builder<ResultClassifier.Turn> turns = ImmutableList.builder();
    for (int i = 0; i < resources.size(); i++) {
      ShellResource resource = resources.get(i);
      turns.add(new ResultClassifier.Turn(resource, Optional.ofNullable(done.applied().get(id(resource))),
          resource.compare(after), done.notStarted(i) ? Optional.of(cancellation.skipReason()) : Optional.empty()));
    }
    return turns.build();
  }

  /**
   * The package changes of every resource from here on, in one apt-get run, and the facts of all the
   * phase's resources observed after it in the same round trip (none when it failed or they need none):
   * apt can undo what an earlier resource of the phase found in place, such as a stopped service.
   */
  private ApplyProgress.Acted runPackages(List<ShellResource> rest, List<ShellResource> all, HostFacts facts,
      Map<ResourceId, AppliedChange> applied) {
    ImmutableMap.Builder<ResourceId, Change> changes = ImmutableMap.builder();
    rest.stream().filter(r -> !applied.containsKey(id(r)))
        .forEach(r -> r.compare(facts).filter(ScriptBatch::hasPackages).ifPresent(c -> changes.put(id(r), c)));
    ImmutableMap<ResourceId, Change> packageChanges = changes.buildKeepingLast();
    List<String> arguments = packageChanges.values().stream().flatMap(c -> c.aptArguments().stream()).toList();
    HostApplier.PackagesOutcome outcome = applier.runPackages(arguments, all);
    return new ApplyProgress.Acted(
        ImmutableMap.copyOf(Maps.transformValues(packageChanges, c -> new AppliedChange(c, outcome.outcome()))),
        outcome.factsAfter());
  }

  /**
   * Runs a batch and observes the whole phase in the same round trip; no facts when a change failed. A
   * declared command is the exception: its script is bounded by the command's own timeout alone, so
   * the observation after it takes a round trip of its own.
   */
  private ApplyProgress.Acted runBatch(List<ScriptBatch.Planned> batch, List<ShellResource> all) {
    Instant sent = Instant.now();
    HostApplier.ChangesOutcome outcome = applier.apply(batch.stream().map(p -> p.change().scripts()).toList(),
        ScriptBatch.hasCommand(batch) ? List.of() : all);
    Instant returned = Instant.now();
    ImmutableMap.Builder<ResourceId, AppliedChange> applied = ImmutableMap.builder();
    for (int k = 0; k < outcome.outcomes().size(); k++) {
      ScriptBatch.Planned planned = batch.get(k);
      ApplyOutcome done = outcome.outcomes().get(k);
      applied.put(id(planned.resource()), new AppliedChange(planned.change(), done));
      services.ran(id(planned.resource()).toString(), planned.change().actions(), done.done(), sent, returned);
    }
    return new ApplyProgress.Acted(applied.buildKeepingLast(), outcome.factsAfter());
  }

  /** A change the host cannot make fails with its refusal; nothing is run, and the phase is observed again. */
  private static ApplyProgress.Acted refused(ShellResource resource, Change change) {
    ApplyOutcome failed = ApplyOutcome.failure(change.refusal().orElseThrow().reason());
    return new ApplyProgress.Acted(ImmutableMap.of(id(resource), new AppliedChange(change, failed)), Optional.empty());
  }

  /** Each handler notified by a resource that changed runs once, in handler declaration order. */
  private ImmutableList<ResourceOutcome> runHandlers(String phase, List<ShellResource> resources,
      Map<ResourceId, AppliedChange> applied) {
    Set<String> notified = new LinkedHashSet<>();
    for (ShellResource resource : resources) {
      AppliedChange done = applied.get(id(resource));
      if (done != null && done.outcome().done()) {
        notified.addAll(resource.declaration().notifies());
      }
    }
    ImmutableList.Builder<ResourceOutcome> results = ImmutableList.builder();
    for (Handler handler : handlers.values()) {
      if (!notified.contains(handler.id())) {
        continue;
      }
      String id = "handler:" + handler.id();
      Instant sent = Instant.now();
      ScriptAction action = handlerAction(handler);
      ApplyOutcome outcome = applier.run(action);
      services.ran(id, List.of(action), outcome.done(), sent, Instant.now());
      results.add(ResourceOutcome.undeclared(outcome.done()
          ? new ResourceResult(id, "handler", phase, ResourceStatus.CHANGED, Optional.empty(), Optional.of(handler.action()),
              Optional.empty(), Optional.empty(), ImmutableList.of())
          : ResourceResult.failed(id, "handler", phase, outcome.error().orElse("failed"))));
    }
    return results.build();
  }

  /** A handler runs its command, or does its action to its service. */
  private static ScriptAction handlerAction(Handler handler) {
    return handler.command().<ScriptAction>map(c -> new RunCommand(c, HANDLER_COMMAND_TIMEOUT))
        .orElseGet(() -> new ServiceControl(handler.service().orElseThrow(), handler.action()));
  }

  private static ResourceId id(ShellResource resource) {
    return resource.declaration().id();
  }
}
