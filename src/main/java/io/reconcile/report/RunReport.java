package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of one run. {@code stoppedAt} names the phase that did not converge when apply stopped
 * there (where a rerun resumes); {@code interrupted} says why the run was cut short (a signal), when it was;
 * {@code outage} is how long an apply kept the cloud's web services down, when it stopped or started any.
 */
public record RunReport(
    String runId, Mode mode, Instant started, Duration elapsed, ImmutableList<HostResult> hosts, Optional<String> stoppedAt,
    Optional<String> interrupted, Optional<OutageWindow> outage) {

  public RunReport(String runId, Mode mode, Instant started, Duration elapsed, ImmutableList<HostResult> hosts,
      Optional<String> stoppedAt, Optional<String> interrupted) {
    this(runId, mode, started, elapsed, hosts, stoppedAt, interrupted, Optional.empty());
  }

  public RunReport(String runId, Mode mode, Instant started, Duration elapsed, ImmutableList<HostResult> hosts,
      Optional<String> stoppedAt) {
    this(runId, mode, started, elapsed, hosts, stoppedAt, Optional.empty());
  }

  /** This report with every secret value masked: what any output may show. */
  public RunReport masked(SecretMasker masker) {
    ImmutableList<HostResult> maskedHosts = hosts.stream()
        .map(h -> new HostResult(h.name(), h.status(), h.error().map(masker::mask), h.resources().stream()
            .map(r -> new ResourceResult(masker.mask(r.id()), r.type(), r.phase(), r.status(), r.before().map(masker::mask),
                r.after().map(masker::mask), r.diff().map(masker::mask), r.error().map(masker::mask), r.backups()))
            .collect(ImmutableList.toImmutableList())))
        .collect(ImmutableList.toImmutableList());
    return new RunReport(runId, mode, started, elapsed, maskedHosts, stoppedAt, interrupted,
        outage.map(o -> o.masked(masker)));
  }

  public Summary summary() {
    return Summary.of(hosts);
  }

  /**
   * docs/contracts.md's exit codes: {@link ExitCodes#INTERRUPTED} if the run was cut short, else 4 if any host
   * failed or was unreachable, else 2 for drift in check mode, else 0.
   */
  public int exitCode() {
    if (interrupted.isPresent()) {
      return ExitCodes.INTERRUPTED;
    }
    Summary s = summary();
    if (s.failed() > 0 || s.unreachable() > 0) {
      return ExitCodes.HOST_FAILED;
    }
    return mode == Mode.CHECK && s.changes() > 0 ? ExitCodes.DRIFT : ExitCodes.OK;
  }
}
