package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.Mode;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

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
  }

  public RunReport check(DesiredState desired, List<HostTarget> hosts) {
    return checkAndPlan(desired, hosts).report();
  }

  /** A check's report and, for each host it reached, the plan of its changes (what --plan-out saves). */
  public record CheckedPlan(RunReport report, ImmutableList<HostPlan> plans) {}

  public CheckedPlan checkAndPlan(DesiredState desired, List<HostTarget> hosts) {
    try {
      Map<String, HostPlan> plans = new ConcurrentHashMap<>();
      RunReport report = checkHosts(desired, hosts, plans);
      return new CheckedPlan(report, hosts.stream().map(h -> plans.get(h.name())).filter(Objects::nonNull)
          .collect(ImmutableList.toImmutableList()));
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

  private RunReport checkHosts(DesiredState desired, List<HostTarget> hosts, Map<String, HostPlan> plans) {
    Instant started = Instant.now();
    // Hosts without declarations (after --tags, --limit) are reported ok and never contacted.
    List<HostTarget> targeted = hosts.stream()
        .filter(h -> desired.phases().stream().anyMatch(p -> !p.resourcesOf(h.name()).isEmpty()))
        .toList();
    Map<String, HostResult> checked = new HashMap<>();
    forEachHost("check", targeted, host -> {
      HostResult result = guarded(host, () -> {
        HostCheck.Observed observed = HostCheck.observe(link(host), desired, host.name());
        plans.put(host.name(), observed.plan());
        return observed.results();
      });
      release(host); // a checked host is asked nothing more: its session ends now, not with the run
      return result;
    }, host -> skipped(host, desired.phases())).forEach(r -> checked.put(r.name(), r));
    ImmutableList<HostResult> results = hosts.stream()
        .map(h -> checked.getOrDefault(h.name(), new HostResult(h.name(), HostStatus.OK, Optional.empty(), ImmutableList.of())))
        .collect(ImmutableList.toImmutableList());
    listener.runFinished();
    return new RunReport(settings.runId(), Mode.CHECK, started, Duration.between(started, Instant.now()),
        unfinished(results),
        Optional.empty(), cancellation.interruption());
  }

  private RunReport applyPhases(DesiredState desired, List<HostTarget> hosts) {
    Instant started = Instant.now();
    Map<String, List<ResourceResult>> resources = new LinkedHashMap<>();
    Map<String, HostResult> stopped = new ConcurrentHashMap<>(); // hosts failed or unreachable
    hosts.forEach(h -> resources.put(h.name(), new ArrayList<>()));
    Optional<String> stoppedAt = Optional.empty();
    PhaseBackups backups = new PhaseBackups(this::link, settings.runId(), settings.backupRoot());
    OutageLog outage = new OutageLog();
    prefetchPackages(desired, hosts);
    for (DesiredState.PhaseState phase : desired.phases()) {
      if (stoppedAt.isPresent() || cancellation.reason().isPresent()) {
        String reason = stoppedAt.isPresent()
            ? "not run: phase '" + stoppedAt.get() + "' did not converge on every host"
            : cancellation.skipReason();
        hosts.forEach(h -> phase.resourcesOf(h.name())
            .forEach(r -> resources.get(h.name()).add(ResourceResults.skipped(r, phase.name(), reason))));
        continue;
      }
      List<HostTarget> targeted = hosts.stream()
          .filter(h -> !phase.resourcesOf(h.name()).isEmpty() && !stopped.containsKey(h.name()))
          .toList();
      Optional<PhaseBackups.Outcome> saved = backups.before(desired, phase, targeted);
      saved.ifPresent(outcome -> record(outcome, resources));
      if (saved.map(PhaseBackups.Outcome::failed).orElse(false)) {
        stoppedAt = Optional.of(phase.name());
        hosts.forEach(h -> phase.resourcesOf(h.name()).forEach(r -> resources.get(h.name())
            .add(ResourceResults.skipped(r, phase.name(), "not run: its databases could not be dumped first"))));
        continue;
      }
      List<HostResult> phaseResults = forEachHost(phase.name(), targeted, host -> guarded(host, () ->
          PhaseApply.run(link(host), settings, cancellation, desired.handlers(), phase.name(),
              phase.resourcesOf(host.name()), outage.host(host.name()))),
          host -> skipped(host, List.of(phase)));
      for (HostResult result : phaseResults) {
        resources.get(result.name()).addAll(result.resources());
        if (result.status() == HostStatus.FAILED || result.status() == HostStatus.UNREACHABLE) {
          stopped.put(result.name(), result);
        }
      }
      boolean changed = phaseResults.stream().flatMap(r -> r.resources().stream())
          .anyMatch(r -> r.status() == ResourceStatus.CHANGED || r.status() == ResourceStatus.FAILED);
      Optional<PhaseBackups.Outcome> after = backups.after(phase, changed);
      after.ifPresent(outcome -> record(outcome, resources));
      boolean blockedHost = hosts.stream().anyMatch(h -> stopped.containsKey(h.name()) && !phase.resourcesOf(h.name()).isEmpty());
      if (blockedHost || after.map(PhaseBackups.Outcome::failed).orElse(false)) {
        stoppedAt = Optional.of(phase.name());
      }
    }
    if (stoppedAt.isEmpty() && cancellation.reason().isEmpty()) {
      List<HostTarget> verifiable = hosts.stream()
          .filter(h -> !stopped.containsKey(h.name()) && !resources.get(h.name()).isEmpty())
          .toList();
      forEachHost("verify", verifiable, host -> {
        HostResult verified = guarded(host, () -> ImmutableList.copyOf(
            FinalVerification.verify(link(host), desired, host.name(), resources.get(host.name()))));
        if (verified.error().isPresent()) {
          stopped.put(host.name(), verified);
        } else {
          synchronized (resources) {
            resources.put(host.name(), new ArrayList<>(verified.resources()));
          }
        }
        return verified;
      }, host -> new HostResult(host.name(), HostStatus.OK, Optional.empty(), ImmutableList.of())); // results stay unverified
    }
    ImmutableList<HostResult> results = hosts.stream().map(h -> {
      ImmutableList<ResourceResult> list = ImmutableList.copyOf(resources.get(h.name()));
      HostResult failed = stopped.get(h.name());
      if (failed != null && failed.status() == HostStatus.UNREACHABLE) {
        return new HostResult(h.name(), HostStatus.UNREACHABLE, failed.error(), list);
      }
      Optional<String> error = failed == null ? Optional.empty() : failed.error();
      return new HostResult(h.name(), HostResult.statusOf(list, error), error, list);
    }).collect(ImmutableList.toImmutableList());
    listener.runFinished();
    return new RunReport(settings.runId(), Mode.APPLY, started, Duration.between(started, Instant.now()),
        unfinished(results),
        stoppedAt, cancellation.interruption(), outage.window());
  }

  /**
   * The packages of the later phases into each host's apt cache, before the first phase stops anything
   * ({@link PackagePrefetch}). Best effort: a host that fails here is left to its phases, which report it.
   */
  private void prefetchPackages(DesiredState desired, List<HostTarget> hosts) {
    List<HostTarget> downloading = hosts.stream()
        .filter(h -> !PackagePrefetch.later(desired, h.name()).isEmpty()).toList();
    forEachHost("download", downloading, host -> {
      try {
        PackagePrefetch.download(link(host), settings, PackagePrefetch.later(desired, host.name()));
      } catch (RuntimeException e) {
        // unreachable, or the observation failed: the host's phases meet the same and report it
      }
      return new HostResult(host.name(), HostStatus.OK, Optional.empty(), ImmutableList.of());
    }, host -> new HostResult(host.name(), HostStatus.OK, Optional.empty(), ImmutableList.of()));
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
    Map<String, HostResult> refused = new ConcurrentHashMap<>();
    List<String> stale = new CopyOnWriteArrayList<>();
    forEachHost("plan", planned, host -> {
      HostResult verified = guarded(host, () -> {
        HostCheck.Observed now = HostCheck.observe(link(host), desired, host.name());
        PlanStaleness.of(plans.get(host.name()), now).ifPresent(reason -> {
          stale.add(host.name());
          throw new IllegalStateException("plan is stale for " + host.name() + ": " + reason);
        });
        return ImmutableList.of();
      });
      if (verified.error().isPresent()) {
        refused.put(host.name(), verified);
      }
      return verified;
    }, host -> skipped(host, desired.phases()));
    List<HostTarget> applying = hosts.stream().filter(h -> !refused.containsKey(h.name())).toList();
    Map<String, Set<String>> ids = new HashMap<>();
    applying.forEach(h -> ids.put(h.name(), plans.containsKey(h.name()) ? plans.get(h.name()).ids() : Set.of()));
    RunReport applied = applyPhases(desired.only(ids), applying);
    ImmutableList<HostResult> results = hosts.stream()
        .map(h -> refused.containsKey(h.name()) ? refused.get(h.name())
            : applied.hosts().stream().filter(r -> r.name().equals(h.name())).findFirst().orElseThrow())
        .collect(ImmutableList.toImmutableList());
    RunReport report = new RunReport(settings.runId(), Mode.APPLY, started, Duration.between(started, Instant.now()),
        results, applied.stoppedAt(), applied.interrupted(), applied.outage());
    return new PlannedApply(report, hosts.stream().map(HostTarget::name).filter(stale::contains)
        .collect(ImmutableList.toImmutableList()));
  }

  /** A phase's dumps belong to the host that took them; it may have no declarations of its own. */
  private static void record(PhaseBackups.Outcome outcome, Map<String, List<ResourceResult>> resources) {
    resources.computeIfAbsent(outcome.host(), h -> new ArrayList<>()).addAll(outcome.results());
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

  /** Runs one host's work; whatever goes wrong becomes that host's result, never the others'. */
  private static HostResult guarded(HostTarget host, java.util.function.Supplier<ImmutableList<ResourceResult>> work) {
    try {
      ImmutableList<ResourceResult> results = work.get();
      return new HostResult(host.name(), HostResult.statusOf(results, Optional.empty()), Optional.empty(), results);
    } catch (HostUnreachableException e) {
      return new HostResult(host.name(), HostStatus.UNREACHABLE, Optional.of(e.getMessage()), ImmutableList.of());
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new HostResult(host.name(), HostStatus.FAILED, Optional.of(message), ImmutableList.of());
    }
  }

  /** A host that a cancellation kept from starting: every resource of these phases skipped. */
  private HostResult skipped(HostTarget host, List<DesiredState.PhaseState> phases) {
    ImmutableList<ResourceResult> results = phases.stream()
        .flatMap(p -> p.resourcesOf(host.name()).stream().map(r -> ResourceResults.skipped(r, p.name(), cancellation.skipReason())))
        .collect(ImmutableList.toImmutableList());
    return new HostResult(host.name(), HostResult.statusOf(results, Optional.empty()), Optional.empty(), results);
  }

  /** Runs {@code work} for each host, or {@code skipped} for the hosts not started when the run is cancelled. */
  private List<HostResult> forEachHost(String phase, List<HostTarget> hosts, Function<HostTarget, HostResult> work,
      Function<HostTarget, HostResult> skipped) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    listener.phaseStarted(phase, hosts.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.forks(), hosts.size()), r -> {
      Thread t = new Thread(r, "host-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<HostResult>> futures = new ArrayList<>();
      for (HostTarget host : hosts) {
        futures.add(pool.submit(() -> {
          if (cancellation.reason().isPresent()) {
            return skipped.apply(host);
          }
          listener.hostStarted(phase, host.name());
          HostResult result = work.apply(host);
          listener.hostFinished(phase, result);
          return result;
        }));
      }
      List<HostResult> results = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          results.add(new HostResult(hosts.get(i).name(), HostStatus.FAILED, Optional.of(String.valueOf(e.getCause())), ImmutableList.of()));
        }
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
