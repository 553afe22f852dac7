package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.ResourceResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an apply run has done so far, merged step by step from what the hosts' work returned.
 *
 * @param results each host's report entries, in the order the run made them
 * @param stopped the hosts that failed or could not be reached, with the result that stopped them
 * @param stoppedAt the phase that did not converge on every host: no later phase runs
 */
record ApplyLedger(ImmutableListMultimap<String, ResourceResult> results, ImmutableMap<String, HostResult> stopped,
    Optional<String> stoppedAt) {

  static ApplyLedger empty() {
    return new ApplyLedger(ImmutableListMultimap.of(), ImmutableMap.of(), Optional.empty());
  }

  boolean stopped(String host) {
    return stopped.containsKey(host);
  }

  /** A phase's dumps: they belong to the host that took them, which may have no declarations of its own. */
  ApplyLedger plus(PhaseBackups.Outcome dumps) {
    return with(ImmutableListMultimap.<String, ResourceResult>builder().putAll(dumps.host(), dumps.results()).build(),
        stopped);
  }

  /** A phase's host results: their entries, and the hosts that failed or were unreachable stop. */
  ApplyLedger plusPhase(Collection<HostResult> hosts) {
    ImmutableListMultimap.Builder<String, ResourceResult> entries = ImmutableListMultimap.builder();
    ImmutableMap.Builder<String, HostResult> stops = ImmutableMap.<String, HostResult>builder().putAll(stopped);
    for (HostResult host : hosts) {
      entries.putAll(host.name(), host.resources());
      if (host.status() == HostStatus.FAILED || host.status() == HostStatus.UNREACHABLE) {
        stops.put(host.name(), host);
      }
    }
    return with(entries.build(), stops.buildKeepingLast());
  }

  /** Every resource of the phase on these hosts, skipped for this reason. */
  ApplyLedger skipped(List<HostTarget> hosts, DesiredState.PhaseState phase, String reason) {
    ImmutableListMultimap.Builder<String, ResourceResult> entries = ImmutableListMultimap.builder();
    hosts.forEach(h -> phase.resourcesOf(h.name())
        .forEach(r -> entries.put(h.name(), ResourceResults.skipped(r, phase.name(), reason))));
    return with(entries.build(), stopped);
  }

  private ApplyLedger with(ImmutableListMultimap<String, ResourceResult> more, ImmutableMap<String, HostResult> stops) {
    return new ApplyLedger(ImmutableListMultimap.<String, ResourceResult>builder().putAll(results).putAll(more).build(),
        stops, stoppedAt);
  }

  ApplyLedger stoppedAt(String phase) {
    return new ApplyLedger(results, stopped, Optional.of(phase));
  }

  /**
   * The final verification's outcomes: a host verified has the entries it found in place of what the phases
   * reported; one whose verification failed stops; one it never started keeps its entries.
   */
  ApplyLedger verified(Map<String, HostOutcome<ImmutableList<ResourceResult>>> outcomes) {
    ImmutableListMultimap.Builder<String, ResourceResult> entries = ImmutableListMultimap.builder();
    results.asMap().forEach((host, old) -> entries.putAll(host, Optional.ofNullable(outcomes.get(host))
        .flatMap(HostOutcome::value).map(List::copyOf).orElse(List.copyOf(old))));
    ImmutableMap.Builder<String, HostResult> stops = ImmutableMap.<String, HostResult>builder().putAll(stopped);
    outcomes.values().stream().map(HostOutcome::result).filter(r -> r.error().isPresent())
        .forEach(r -> stops.put(r.name(), r));
    return new ApplyLedger(entries.build(), stops.buildKeepingLast(), stoppedAt);
  }

  /** The report's host results, in inventory order: a host stopped keeps the error that stopped it. */
  ImmutableList<HostResult> report(List<HostTarget> hosts) {
    return hosts.stream().map(h -> {
      ImmutableList<ResourceResult> list = results.get(h.name());
      Optional<HostResult> failed = Optional.ofNullable(stopped.get(h.name()));
      Optional<String> error = failed.flatMap(HostResult::error);
      if (failed.filter(f -> f.status() == HostStatus.UNREACHABLE).isPresent()) {
        return new HostResult(h.name(), HostStatus.UNREACHABLE, error, list);
      }
      return new HostResult(h.name(), HostResult.statusOf(list, error), error, list);
    }).collect(ImmutableList.toImmutableList());
  }
}
