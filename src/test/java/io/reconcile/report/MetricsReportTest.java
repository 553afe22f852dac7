package io.reconcile.report;

import static io.reconcile.report.PrometheusTextParser.labels;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.reconcile.report.PrometheusTextParser.Family;
import io.reconcile.report.PrometheusTextParser.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metrics file read back with the strict parser, and held to Prometheus' naming conventions. */
class MetricsReportTest {
  private static final String SCOPE = "tags=quota;limit=web\"1\\x\ny";

  private static ResourceResult drift(String id, String type) {
    return new ResourceResult(id, type, "main", ResourceStatus.DRIFT, Optional.of("a"), Optional.of("b"), Optional.empty(),
        Optional.empty(), ImmutableList.of());
  }

  private static RunReport report() {
    HostResult web1 = new HostResult("web1", HostStatus.DRIFTED, Optional.empty(), ImmutableList.of(
        drift("file:/etc/a", "file"), drift("file:/etc/b", "file"), ResourceResult.ok("package:x", "package", "main"),
        drift("quota:users", "quota"), ResourceResult.ok("handler:reload", "handler", "main")));
    HostResult db1 = new HostResult("db1", HostStatus.FAILED, Optional.empty(), ImmutableList.of(
        ResourceResult.failed("service:postgresql", "service", "main", "boom")));
    HostResult web2 = new HostResult("web2", HostStatus.UNREACHABLE, Optional.of("refused"), ImmutableList.of());
    return new RunReport("r1", Mode.CHECK, Instant.parse("2026-11-25T13:01:02Z"), Duration.ofMillis(2500),
        ImmutableList.of(web1, db1, web2), Optional.empty());
  }

  private static double value(List<Family> families, String family, String... labels) {
    return PrometheusTextParser.find(families, family, labels(labels)).map(Sample::value)
        .orElseThrow(() -> new AssertionError("no " + family + " " + List.of(labels)));
  }

  @Test
  void driftPerHostAndTypeHostsRunAndLastSuccessfulCheck() {
    Instant lastSuccess = Instant.parse("2026-11-24T08:00:00.125Z");
    List<Family> families = PrometheusTextParser.parse(new MetricsReport().render(report(), SCOPE, Optional.of(lastSuccess)));

    assertThat(value(families, "reconcile_resources_drifting", "scope", SCOPE, "host", "web1", "type", "file")).isEqualTo(2);
    assertThat(value(families, "reconcile_resources_drifting", "scope", SCOPE, "host", "web1", "type", "quota")).isEqualTo(1);
    assertThat(value(families, "reconcile_resources_drifting", "scope", SCOPE, "host", "web1", "type", "package")).isZero();
    assertThat(PrometheusTextParser.find(families, "reconcile_resources_drifting", labels("scope", SCOPE, "host", "web1", "type", "handler")))
        .as("handlers are not resources of their own").isEmpty();
    assertThat(value(families, "reconcile_resources_failed", "scope", SCOPE, "host", "db1", "type", "service")).isEqualTo(1);
    assertThat(value(families, "reconcile_hosts", "scope", SCOPE, "status", "unreachable")).isEqualTo(1);
    assertThat(value(families, "reconcile_hosts", "scope", SCOPE, "status", "failed")).isEqualTo(1);
    assertThat(value(families, "reconcile_hosts", "scope", SCOPE, "status", "drifted")).isEqualTo(1);
    assertThat(value(families, "reconcile_host_unreachable", "scope", SCOPE, "host", "web2")).isEqualTo(1);
    assertThat(value(families, "reconcile_host_unreachable", "scope", SCOPE, "host", "web1")).isZero();
    assertThat(value(families, "reconcile_host_failed", "scope", SCOPE, "host", "db1")).isEqualTo(1);
    assertThat(value(families, "reconcile_run_duration_seconds", "scope", SCOPE)).isEqualTo(2.5);
    assertThat(value(families, "reconcile_run_timestamp_seconds", "scope", SCOPE)).isEqualTo(1795611664.5);
    assertThat(value(families, "reconcile_run_exit_code", "scope", SCOPE)).isEqualTo(4);
    assertThat(value(families, "reconcile_last_successful_check_timestamp_seconds", "scope", SCOPE)).isEqualTo(1795507200.125);
  }

  @Test
  void withoutAnySuccessfulCheckThatMetricIsAbsentNotZero() {
    List<Family> families = PrometheusTextParser.parse(new MetricsReport().render(report(), "all", Optional.empty()));
    assertThat(families).extracting(Family::name).doesNotContain("reconcile_last_successful_check_timestamp_seconds");
  }

  /** Prometheus' "Metric and label naming" page and node_exporter's textfile collector rules. */
  @Test
  void followsTheNamingConventions() {
    String text = new MetricsReport().render(report(), SCOPE, Optional.of(Instant.now()));
    List<Family> families = PrometheusTextParser.parse(text);
    assertThat(families).isNotEmpty().allSatisfy(f -> {
      assertThat(f.name()).as("application prefix, snake_case").matches("reconcile_[a-z0-9_]+");
      assertThat(f.help()).as("HELP for " + f.name()).hasValueSatisfying(h -> assertThat(h).isNotBlank());
      assertThat(f.type()).isEqualTo("gauge");
      assertThat(f.name()).as("_total is for counters only").doesNotEndWith("_total");
      if (f.name().contains("duration") || f.name().contains("timestamp")) {
        assertThat(f.name()).as("base unit suffix").endsWith("_seconds");
      }
      assertThat(f.samples()).allSatisfy(s -> {
        assertThat(s.timestamp()).as("the textfile collector refuses sample timestamps").isEmpty();
        assertThat(s.labels().keySet()).allMatch(l -> l.matches("[a-z][a-z0-9_]*"));
        assertThat(s.labels()).containsKey("scope");
      });
    });
  }
}
