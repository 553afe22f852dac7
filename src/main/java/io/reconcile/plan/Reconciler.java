package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.Mode;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs check or apply over all hosts, up to {@code forks} at a time. A host that fails or cannot be
 * reached never stops the others; in apply, a phase starts only after the previous one converged on
 * every host it targets. After a {@link Cancellation} no host or phase starts: hosts in flight finish
 * the resource they are on, the rest is reported skipped, and the report says the run was interrupted.
 */
public final class Reconciler {
  private final HostConnector connector;
  private final RunSettings settings;
  private final RunListener listener;
  private final Cancellation cancellation;
  private final HostPool pool;
  private final Map<String, HostLink> links = new ConcurrentHashMap<>();

  public Reconciler(HostConnector connector, RunSettings settings) {
    this(connector, settings, RunListener.NONE);
  }

  public Reconciler(HostConnector connector, RunSettings settings, RunListener listener) {
    this(connector, settings, listener, new Cancellation());
  }

  public Reconciler(HostConnector connector, RunSettings settings, RunListener listener, Cancellation cancellation) {
    this.connector = connector;
    this.settings = settings;
    this.listener = listener;
    this.cancellation = cancellation;
    this.pool = new HostPool(settings.forks(), listener, cancellation);
  }

  public RunReport check(DesiredState desired, List<HostTarget> hosts) {
    return checkAndPlan(desired, hosts).report();
  }

  /** A check's report and, for each host it reached, the plan of its changes (what --plan-out saves). */
  public record CheckedPlan(RunReport report, ImmutableList<HostPlan> plans) {}

  public CheckedPlan checkAndPlan(DesiredState desired, List<HostTarget> hosts) {
    try {
      return checkHosts(desired, hosts);
    } finally {
      closeLinks();
    }
  }

  /** An apply of a saved plan: its report, and the hosts refused because their facts moved since the plan. */
  public record PlannedApply(RunReport report, ImmutableList<String> staleHosts) {}

  /**
   * Applies exactly the saved plan's changes: each host with changes in it is observed first and refused,
   * untouched, when what the plan rests on moved (a fact digest differs, or something now differs that the
   * plan did not change); the other hosts then apply the planned resources alone, phase by phase as any
   * apply (their database invariants re-check their own digests in their transactions).
   */
  public PlannedApply applyPlan(DesiredState desired, List<HostTarget> hosts, Map<String, HostPlan> plans) {
    try {
      return applyPlanned(desired, hosts, plans);
    } finally {
      closeLinks();
    }
  }

  public RunReport apply(DesiredState desired, List<HostTarget> hosts) {
    try {
      return applyPhases(desired, hosts);
    } finally {
      closeLinks();
    }
  }

  /** Ends each host's database connections while its SSH session (their tunnel) is still open. */
  private void closeLinks() {
    links.values().forEach(HostLink::close);
    links.clear();
  }

  private CheckedPlan checkHosts(DesiredState desired, List<HostTarget> hosts) {
    Instant started = Instant.now();
    // Hosts without declarations (after --tags, --limit) are reported ok and never contacted.
    List<HostTarget> targeted = hosts.stream()
        .filter(h -> desired.phases().stream().anyMatch(p -> !p.resourcesOf(h.name()).isEmpty()))
        .toList();
    ImmutableMap<String, HostOutcome<HostCheck.Observed>> checked = pool.run("check", targeted, host -> {
      HostOutcome<HostCheck.Observed> outcome = HostOutcome.guarded(host,
          () -> HostCheck.observe(link(host), desired, host.name()), HostCheck.Observed::results);
      release(host); // a checked host is asked nothing more: its session ends now, not with the run
      return outcome;
    }, host -> HostOutcome.of(skipped(host, desired.phases()).result()));
    ImmutableList<HostResult> results = hosts.stream()
        .map(h -> checked.containsKey(h.name()) ? checked.get(h.name()).result() : untouched(h))
        .collect(ImmutableList.toImmutableList());
    listener.runFinished();
    RunReport report = new RunReport(settings.runId(), Mode.CHECK, started, Duration.between(started, Instant.now()),
        unfinished(results), Optional.empty(), cancellation.interruption());
    return new CheckedPlan(report, hosts.stream()
        .flatMap(h -> Optional.ofNullable(checked.get(h.name())).flatMap(HostOutcome::value).stream())
        .map(HostCheck.Observed::plan)
        .collect(ImmutableList.toImmutableList()));
  }

  private RunReport applyPhases(DesiredState desired, List<HostTarget> hosts) {
    Instant started = Instant.now();
    PhaseBackups backups = new PhaseBackups(this::link, settings.runId(), settings.backupRoot());
    OutageLog outage = new OutageLog();
    prefetchPackages(desired, hosts);
    ApplyLedger ledger = ApplyLedger.empty();
    for (DesiredState.PhaseState phase : desired.phases()) {
      ledger = runPhase(ledger, desired, phase, hosts, backups, outage);
    }
    if (ledger.stoppedAt().isEmpty() && cancellation.reason().isEmpty()) {
      ledger = verify(ledger, desired, hosts);
    }
    listener.runFinished();
    return new RunReport(settings.runId(), Mode.APPLY, started, Duration.between(started, Instant.now()),
        unfinished(ledger.report(hosts)), ledger.stoppedAt(), cancellation.interruption(), outage.window());
  }

  /**
   * One phase on every host it targets that has not stopped, between its dumps; skipped after a phase that
   * did not converge, or a cancellation.
   */
  private ApplyLedger runPhase(ApplyLedger ledger, DesiredState desired, DesiredState.PhaseState phase,
      List<HostTarget> hosts, PhaseBackups backups, OutageLog outage) {
    if (ledger.stoppedAt().isPresent() || cancellation.reason().isPresent()) {
      String reason = ledger.stoppedAt().isPresent()
          ? "not run: phase '" + ledger.stoppedAt().get() + "' did not converge on every host"
          : cancellation.skipReason();
      return ledger.skipped(hosts, phase, reason);
    }
    List<HostTarget> targeted = hosts.stream()
        .filter(h -> !phase.resourcesOf(h.name()).isEmpty() && !ledger.stopped(h.name()))
        .toList();
    Optional<PhaseBackups.Outcome> saved = backups.before(desired, phase, targeted);
    ApplyLedger before = saved.map(ledger::plus).orElse(ledger);
    if (saved.map(PhaseBackups.Outcome::failed).orElse(false)) {
      return before.stoppedAt(phase.name()).skipped(hosts, phase, "not run: its databases could not be dumped first");
    }
    ImmutableMap<String, HostOutcome<ImmutableList<ResourceOutcome>>> phaseResults = pool.run(phase.name(), targeted,
        host -> HostOutcome.guarded(host, () -> PhaseApply.run(link(host), settings, cancellation, desired.handlers(),
            phase.name(), phase.resourcesOf(host.name()), outage.host(host.name())), Reconciler::results),
        host -> skipped(host, List.of(phase)));
    ApplyLedger applied = before.plusPhase(phaseResults.values());
    boolean changed = phaseResults.values().stream().flatMap(o -> o.result().resources().stream())
        .anyMatch(r -> r.status() == ResourceStatus.CHANGED || r.status() == ResourceStatus.FAILED);
    Optional<PhaseBackups.Outcome> after = backups.after(phase, changed);
    ApplyLedger done = after.map(applied::plus).orElse(applied);
    boolean blockedHost = hosts.stream()
        .anyMatch(h -> done.stopped(h.name()) && !phase.resourcesOf(h.name()).isEmpty());
    return blockedHost || after.map(PhaseBackups.Outcome::failed).orElse(false) ? done.stoppedAt(phase.name()) : done;
  }

  /** The final verification of every host that went through all its phases; the others' results stay unverified. */
  private ApplyLedger verify(ApplyLedger ledger, DesiredState desired, List<HostTarget> hosts) {
    List<HostTarget> verifiable = hosts.stream()
        .filter(h -> !ledger.stopped(h.name()) && !ledger.outcomes().get(h.name()).isEmpty())
        .toList();
    return ledger.verified(pool.run("verify", verifiable, host -> HostOutcome.guarded(host,
        () -> FinalVerification.verify(link(host).shell(), desired.phases().size(), ledger.outcomes().get(host.name())),
        Reconciler::results), host -> HostOutcome.of(untouched(host))));
  }

  /**
   * The packages of the later phases into each host's apt cache, before the first phase stops anything
   * ({@link PackagePrefetch}). Best effort: a host that fails here is left to its phases, which report it.
   */
  private void prefetchPackages(DesiredState desired, List<HostTarget> hosts) {
    List<HostTarget> downloading = hosts.stream()
        .filter(h -> !PackagePrefetch.later(desired, h.name()).isEmpty()).toList();
    pool.run("download", downloading, host -> {
      try {
        PackagePrefetch.download(link(host), settings, PackagePrefetch.later(desired, host.name()));
      } catch (RuntimeException e) {
        // unreachable, or the observation failed: the host's phases meet the same and report it
      }
      return HostOutcome.of(untouched(host));
    }, host -> HostOutcome.of(untouched(host)));
  }

  /**
   * After the run's deadline, a host that did not get through its resources failed: the run did not do
   * what it was asked and nobody asked it to stop (a signal interrupts instead; exit 130).
   */
  private ImmutableList<HostResult> unfinished(ImmutableList<HostResult> results) {
    if (!cancellation.byDeadline()) {
      return results;
    }
    return results.stream().map(h -> h.status() == HostStatus.UNREACHABLE || h.count(ResourceStatus.SKIPPED) == 0 ? h
        : new HostResult(h.name(), HostStatus.FAILED, Optional.of(h.error().orElse(cancellation.reason().orElseThrow()
            + ": " + h.count(ResourceStatus.SKIPPED) + " resources not done")), h.resources()))
        .collect(ImmutableList.toImmutableList());
  }

  private PlannedApply applyPlanned(DesiredState desired, List<HostTarget> hosts, Map<String, HostPlan> plans) {
    Instant started = Instant.now();
    List<HostTarget> planned = hosts.stream()
        .filter(h -> plans.containsKey(h.name()) && !plans.get(h.name()).changes().isEmpty()).toList();
    ImmutableMap<String, HostOutcome<String>> verdicts = pool.run("plan", planned,
        host -> staleness(desired, host, plans.get(host.name())),
        host -> HostOutcome.of(skipped(host, desired.phases()).result()));
    Predicate<String> refused = host -> verdicts.containsKey(host) && verdicts.get(host).result().error().isPresent();
    List<HostTarget> applying = hosts.stream().filter(h -> !refused.test(h.name())).toList();
    Map<String, Set<String>> ids = applying.stream().collect(ImmutableMap.toImmutableMap(HostTarget::name,
        h -> plans.containsKey(h.name()) ? plans.get(h.name()).ids() : Set.of(), (first, last) -> last));
    RunReport applied = applyPhases(desired.only(ids), applying);
    ImmutableList<HostResult> results = hosts.stream()
        .map(h -> refused.test(h.name()) ? verdicts.get(h.name()).result()
            : applied.hosts().stream().filter(r -> r.name().equals(h.name())).findFirst().orElseThrow())
        .collect(ImmutableList.toImmutableList());
    RunReport report = new RunReport(settings.runId(), Mode.APPLY, started, Duration.between(started, Instant.now()),
        results, applied.stoppedAt(), applied.interrupted(), applied.outage());
    return new PlannedApply(report, hosts.stream().map(HostTarget::name)
        .filter(h -> verdicts.containsKey(h) && verdicts.get(h).value().isPresent())
        .collect(ImmutableList.toImmutableList()));
  }

  /** A planned host observed again: failed, with why as its value, when what its plan rests on moved. */
  private HostOutcome<String> staleness(DesiredState desired, HostTarget host, HostPlan plan) {
    HostOutcome<Optional<String>> looked = HostOutcome.guarded(host,
        () -> PlanStaleness.of(plan, HostCheck.observe(link(host), desired, host.name())), s -> ImmutableList.of());
    return looked.value().flatMap(s -> s)
        .map(reason -> HostOutcome.failed(host, "plan is stale for " + host.name() + ": " + reason).carrying(reason))
        .orElseGet(() -> HostOutcome.of(looked.result()));
  }

  private HostLink link(HostTarget host) {
    return links.computeIfAbsent(host.name(), name -> new HostLink(connector, host, settings));
  }

  private void release(HostTarget host) {
    HostLink link = links.remove(host.name());
    if (link != null) {
      link.close();
    }
    connector.release(host);
  }

  private static ImmutableList<ResourceResult> results(List<ResourceOutcome> outcomes) {
    return outcomes.stream().map(ResourceOutcome::result).collect(ImmutableList.toImmutableList());
  }

  /** A host this step asked nothing, or whose results it left as they were. */
  private static HostResult untouched(HostTarget host) {
    return new HostResult(host.name(), HostStatus.OK, Optional.empty(), ImmutableList.of());
  }

  /** A host that a cancellation kept from starting: every resource of these phases skipped. */
  private HostOutcome<ImmutableList<ResourceOutcome>> skipped(HostTarget host, List<DesiredState.PhaseState> phases) {
    ImmutableList<ResourceOutcome> outcomes = phases.stream()
        .flatMap(p -> p.resourcesOf(host.name()).stream()
            .map(r -> ResourceOutcome.of(r, ResourceResults.skipped(r, p.name(), cancellation.skipReason()))))
        .collect(ImmutableList.toImmutableList());
    ImmutableList<ResourceResult> results = results(outcomes);
    return new HostOutcome<>(new HostResult(host.name(), HostResult.statusOf(results, Optional.empty()),
        Optional.empty(), results), Optional.of(outcomes));
  }

}
