package io.reconcile.report;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run in the Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
 * collector. Every sample carries {@code scope} (which declarations and hosts the run covered), so the
 * files of several scheduled jobs (full drift check, quota re-verify) can sit in one collector
 * directory without clashing. No sample timestamps: the textfile collector rejects them.
 */
public final class MetricsReport {

  /**
   * @param scope what the run covered, e.g. "all" or "tags=quota"
   * @param lastSuccessfulCheck end of the latest check of this scope that reached every host, if any
   */
  public String render(RunReport report, String scope, Optional<Instant> lastSuccessfulCheck) {
    PrometheusText out = new PrometheusText();
    Map<String, String> base = ImmutableMap.of("scope", scope);

    out.family("reconcile_resources_drifting", "gauge",
        "Resources that differ from the declared state, by host and resource type (check mode).");
    perHostAndType(report, ResourceStatus.DRIFT).forEach((key, count) -> out.sample(key.labels(scope), count));
    out.family("reconcile_resources_failed", "gauge",
        "Resources that could not be checked or converged, by host and resource type.");
    perHostAndType(report, ResourceStatus.FAILED).forEach((key, count) -> out.sample(key.labels(scope), count));

    out.family("reconcile_hosts", "gauge", "Hosts of the run by outcome (ok, drifted, changed, failed, unreachable).");
    Summary s = report.summary();
    ImmutableMap.of(HostStatus.OK, s.ok(), HostStatus.DRIFTED, s.drifted(), HostStatus.CHANGED, s.changed(),
            HostStatus.FAILED, s.failed(), HostStatus.UNREACHABLE, s.unreachable())
        .forEach((status, count) -> out.sample(with(base, "status", status.label()), count));
    out.family("reconcile_host_unreachable", "gauge", "1 if the host could not be reached in the run, else 0.");
    report.hosts().forEach(h -> out.sample(with(base, "host", h.name()), h.status() == HostStatus.UNREACHABLE ? 1 : 0));
    out.family("reconcile_host_failed", "gauge", "1 if the host was reached but could not be checked or converged, else 0.");
    report.hosts().forEach(h -> out.sample(with(base, "host", h.name()), h.status() == HostStatus.FAILED ? 1 : 0));

    Instant finished = report.started().plus(report.elapsed());
    out.family("reconcile_run_duration_seconds", "gauge", "How long the run took.");
    out.sample(base, BigDecimal.valueOf(report.elapsed().toMillis(), 3));
    out.family("reconcile_run_timestamp_seconds", "gauge", "When the run ended, in seconds since the Unix epoch.");
    out.sample(base, epochSeconds(finished));
    out.family("reconcile_run_exit_code", "gauge", "Exit status of the run: 0 converged, 2 drift, 4 a host failed or was unreachable, 130 interrupted.");
    out.sample(base, report.exitCode());
    lastSuccessfulCheck.ifPresent(last -> {
      out.family("reconcile_last_successful_check_timestamp_seconds", "gauge",
          "When the latest check of this scope that reached every host ended, in seconds since the Unix epoch.");
      out.sample(base, epochSeconds(last));
    });
    return out.toString();
  }

  private record HostAndType(String host, String type) implements Comparable<HostAndType> {
    Map<String, String> labels(String scope) {
      return ImmutableMap.of("scope", scope, "host", host, "type", type);
    }

    @Override
    public int compareTo(HostAndType other) {
      int byHost = host.compareTo(other.host);
      return byHost != 0 ? byHost : type.compareTo(other.type);
    }
  }

  /** Per host and type (of every resource a host has, so a zero is a zero and not a missing series). */
  private static Map<HostAndType, Long> perHostAndType(RunReport report, ResourceStatus status) {
    Map<HostAndType, Long> counts = new TreeMap<>();
    for (HostResult host : report.hosts()) {
      for (ResourceResult resource : host.resources()) {
        if (!resource.type().equals("handler")) {
          counts.merge(new HostAndType(host.name(), resource.type()), resource.status() == status ? 1L : 0L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    return ImmutableMap.<String, String>builder().putAll(labels).put(name, value).build();
  }

  private static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }
}
