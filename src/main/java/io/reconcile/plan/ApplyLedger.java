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
 * @param outcomes each host's outcomes, in the order the run made them
 * @param stopped the hosts that failed or could not be reached, with the result that stopped them
 * @param stoppedAt the phase that did not converge on every host: no later phase runs
 */
record ApplyLedger(ImmutableListMultimap<String, ResourceOutcome> outcomes, ImmutableMap<String, HostResult> stopped,
    Optional<String> stoppedAt) {

  static ApplyLedger empty() {
    return new ApplyLedger(ImmutableListMultimap.of(), ImmutableMap.of(), Optional.empty());
  }

  boolean stopped(String host) {
    return stopped.containsKey(host);
  }

  /** A phase's dumps: they belong to the host that took them, which may have no declarations of its own. */
  ApplyLedger plus(PhaseBackups.Outcome dumps) {
    ImmutableListMultimap.Builder<String, ResourceOutcome> entries = ImmutableListMultimap.builder();
    dumps.results().forEach(r -> entries.put(dumps.host(), ResourceOutcome.undeclared(r)));
    return with(entries.build(), stopped);
  }

  /** A phase's host outcomes: what each host returned, and the hosts that failed or were unreachable stop. */
  ApplyLedger plusPhase(Collection<HostOutcome<ImmutableList<ResourceOutcome>>> hosts) {
    ImmutableListMultimap.Builder<String, ResourceOutcome> entries = ImmutableListMultimap.builder();
    ImmutableMap.Builder<String, HostResult> stops = ImmutableMap.<String, HostResult>builder().putAll(stopped);
    for (HostOutcome<ImmutableList<ResourceOutcome>> host : hosts) {
      HostResult result = host.result();
      entries.putAll(result.name(), host.value().orElse(ImmutableList.of()));
      if (result.status() == HostStatus.FAILED || result.status() == HostStatus.UNREACHABLE) {
        stops.put(result.name(), result);
      }
    }
    return with(entries.build(), stops.buildKeepingLast());
  }

  /** Every resource of the phase on these hosts, skipped for this reason. */
  ApplyLedger skipped(List<HostTarget> hosts, DesiredState.PhaseState phase, String reason) {
    ImmutableListMultimap.Builder<String, ResourceOutcome> entries = ImmutableListMultimap.builder();
    hosts.forEach(h -> phase.resourcesOf(h.name())
        .forEach(r -> entries.put(h.name(), ResourceOutcome.of(r, ResourceResults.skipped(r, phase.name(), reason)))));
    return with(entries.build(), stopped);
  }

  ApplyLedger stoppedAt(String phase) {
    return new ApplyLedger(outcomes, stopped, Optional.of(phase));
  }

  /**
   * The final verification's outcomes: a host verified has what it found in place of what the phases
   * reported; one whose verification failed stops; one it never started keeps its outcomes.
   */
  ApplyLedger verified(Map<String, HostOutcome<ImmutableList<ResourceOutcome>>> verification) {
    ImmutableListMultimap.Builder<String, ResourceOutcome> entries = ImmutableListMultimap.builder();
    outcomes.asMap().forEach((host, old) -> entries.putAll(host, Optional.ofNullable(verification.get(host))
        .flatMap(HostOutcome::value).map(List::copyOf).orElse(List.copyOf(old))));
    ImmutableMap.Builder<String, HostResult> stops = ImmutableMap.<String, HostResult>builder().putAll(stopped);
    verification.values().stream().map(HostOutcome::result).filter(r -> r.error().isPresent())
        .forEach(r -> stops.put(r.name(), r));
    return new ApplyLedger(entries.build(), stops.buildKeepingLast(), stoppedAt);
  }

  /** The report's host results, in inventory order: a host stopped keeps the error that stopped it. */
  ImmutableList<HostResult> report(List<HostTarget> hosts) {
    return hosts.stream().map(h -> {
      ImmutableList<ResourceResult> list = outcomes.get(h.name()).stream().map(ResourceOutcome::result)
          .collect(ImmutableList.toImmutableList());
      Optional<HostResult> failed = Optional.ofNullable(stopped.get(h.name()));
      Optional<String> error = failed.flatMap(HostResult::error);
      if (failed.filter(f -> f.status() == HostStatus.UNREACHABLE).isPresent()) {
        return new HostResult(h.name(), HostStatus.UNREACHABLE, error, list);
      }
      return new HostResult(h.name(), HostResult.statusOf(list, error), error, list);
    }).collect(ImmutableList.toImmutableList());
  }

  private ApplyLedger with(ImmutableListMultimap<String, ResourceOutcome> more,
      ImmutableMap<String, HostResult> stops) {
    return new ApplyLedger(ImmutableListMultimap.<String, ResourceOutcome>builder().putAll(outcomes).putAll(more)
        .build(), stops, stoppedAt);
  }
}
