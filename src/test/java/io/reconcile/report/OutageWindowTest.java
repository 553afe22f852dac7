package io.reconcile.report;

import static io.reconcile.report.ServiceEvent.Kind.RELOADED;
import static io.reconcile.report.ServiceEvent.Kind.STARTED;
import static io.reconcile.report.ServiceEvent.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outage window from the web services' events of one apply run. */
class OutageWindowTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static ServiceEvent event(int second, String host, String service, ServiceEvent.Kind kind, String cause) {
    return new ServiceEvent(host, service, kind, T0.plusSeconds(second), cause);
  }

  @Test
  void theWindowRunsFromTheFirstStopToTheLastReturnOnAnyHost() {
    OutageWindow window = OutageWindow.of(List.of(
        event(12, "cyclades1", "gunicorn", STOPPED, "service:gunicorn-down-before-upgrade"),
        event(10, "astakos1", "gunicorn", STOPPED, "service:gunicorn-down-before-upgrade"),
        event(30, "astakos1", "gunicorn", STARTED, "service:astakos-up-for-migrations"),
        event(55, "cyclades1", "gunicorn", STARTED, "service:gunicorn"),
        event(50, "astakos1", "gunicorn", STARTED, "service:gunicorn"))).orElseThrow();

    assertThat(window.firstStopped()).contains(T0.plusSeconds(10));
    assertThat(window.firstStoppedBy()).contains("gunicorn on astakos1 (service:gunicorn-down-before-upgrade)");
    assertThat(window.lastServing()).contains(T0.plusSeconds(55));
    assertThat(window.lastServingBy()).contains("gunicorn on cyclades1 (service:gunicorn)");
    assertThat(window.duration()).contains(Duration.ofSeconds(45));
    assertThat(window.downAtEnd()).isEmpty();
  }

  @Test
  void aServiceStoppedAgainAfterItCameBackKeepsTheWindowOpenUntilItReturnsOnceMore() {
    List<ServiceEvent> events = List.of(
        event(0, "astakos1", "gunicorn", STOPPED, "service:a"),
        event(5, "astakos1", "gunicorn", STARTED, "service:b"),
        event(7, "astakos1", "gunicorn", STOPPED, "service:c"));
    OutageWindow open = OutageWindow.of(events).orElseThrow();
    assertThat(open.lastServing()).isEmpty();
    assertThat(open.duration()).isEmpty();
    assertThat(open.downAtEnd()).containsExactly("gunicorn on astakos1");

    OutageWindow closed = OutageWindow.of(ImmutableList.<ServiceEvent>builder().addAll(events)
        .add(event(9, "astakos1", "gunicorn", STARTED, "service:d")).build()).orElseThrow();
    assertThat(closed.duration()).contains(Duration.ofSeconds(9));
  }

  @Test
  void oneHostStillDownKeepsTheWindowOpenAndIsNamed() {
    OutageWindow window = OutageWindow.of(List.of(
        event(0, "astakos1", "gunicorn", STOPPED, "service:a"),
        event(1, "cyclades1", "snf-dispatcher", STOPPED, "service:b"),
        event(2, "cyclades1", "gunicorn", STOPPED, "service:a"),
        event(3, "astakos1", "gunicorn", STARTED, "service:c"),
        event(4, "cyclades1", "gunicorn", STARTED, "service:c"))).orElseThrow();
    assertThat(window.firstStopped()).contains(T0);
    assertThat(window.lastServing()).isEmpty();
    assertThat(window.downAtEnd()).containsExactly("snf-dispatcher on cyclades1");
  }

  @Test
  void aReloadAfterTheFirstStopCanBeTheLastReturnButAReloadAloneIsNoOutage() {
    OutageWindow window = OutageWindow.of(List.of(
        event(0, "astakos1", "apache2", RELOADED, "handler:reload-apache2"), // before any stop: not counted
        event(1, "astakos1", "gunicorn", STOPPED, "service:a"),
        event(8, "astakos1", "gunicorn", STARTED, "service:b"),
        event(9, "astakos1", "apache2", RELOADED, "handler:reload-apache2"))).orElseThrow();
    assertThat(window.lastServingBy()).contains("apache2 on astakos1 (handler:reload-apache2)");
    assertThat(window.duration()).contains(Duration.ofSeconds(8));

    assertThat(OutageWindow.of(List.of(event(0, "astakos1", "apache2", RELOADED, "handler:reload-apache2")))).isEmpty();
    assertThat(OutageWindow.of(List.of())).isEmpty();
  }

  @Test
  void aRestartIsAStopAndAReturn() {
    OutageWindow window = OutageWindow.of(List.of(
        event(3, "pithos1", "gunicorn", STOPPED, "handler:restart-gunicorn"),
        event(4, "pithos1", "gunicorn", STARTED, "handler:restart-gunicorn"))).orElseThrow();
    assertThat(window.duration()).contains(Duration.ofSeconds(1));
  }

  @Test
  void bringingBackAServiceThisRunDidNotStopMeansTheOutageBeganBeforeTheRun() {
    OutageWindow window = OutageWindow.of(List.of(
        event(2, "pithos1", "gunicorn", STOPPED, "handler:restart-gunicorn"),
        event(3, "pithos1", "gunicorn", STARTED, "handler:restart-gunicorn"),
        event(5, "cyclades1", "gunicorn", STARTED, "service:gunicorn"),
        event(6, "astakos1", "apache2", RELOADED, "handler:reload-apache2"))).orElseThrow();
    assertThat(window.firstStopped()).as("cyclades1's gunicorn was down when the run began").isEmpty();
    assertThat(window.lastServingBy()).contains("apache2 on astakos1 (handler:reload-apache2)");
    assertThat(window.duration()).isEmpty();
    assertThat(TextReport.outage(window))
        .startsWith("Outage of the web services: began before this run; serving again: apache2 on astakos1 "
            + "(handler:reload-apache2) at 2026-11-26T10:00:06Z");
  }

  @Test
  void theReportCarriesTheWindowInJsonTextAndBackMasked() throws Exception {
    OutageWindow window = OutageWindow.of(List.of(
        event(0, "astakos1", "gunicorn", STOPPED, "service:gunicorn-s3cr3t"),
        event(41, "astakos1", "gunicorn", STARTED, "service:gunicorn"))).orElseThrow();
    RunReport report = new RunReport("run1", Mode.APPLY, T0, Duration.ofSeconds(60), ImmutableList.of(),
        Optional.empty(), Optional.empty(), Optional.of(window))
        .masked(SecretMasker.byMeaning().plus(List.of("s3cr3t")));

    JsonNode outage = new ObjectMapper().readTree(new JsonReport().render(report)).get("outage");
    assertThat(outage.get("first_stopped").asText()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(outage.get("first_stopped_by").asText()).isEqualTo("gunicorn on astakos1 (service:gunicorn-********)");
    assertThat(outage.get("last_serving").asText()).isEqualTo("2026-11-26T10:00:41Z");
    assertThat(outage.get("seconds").asDouble()).isEqualTo(41.0);
    assertThat(outage.get("down_at_end")).isEmpty();
    assertThat(new JsonReportReader().read(new ObjectMapper().readTree(new JsonReport().render(report))).outage())
        .isEqualTo(report.outage());
    assertThat(new TextReport(false).render(report)).contains("Outage of the web services: 41.0 s; stopped gunicorn on "
        + "astakos1 (service:gunicorn-********) at 2026-11-26T10:00:00Z; serving again: gunicorn on astakos1 "
        + "(service:gunicorn) at 2026-11-26T10:00:41Z\n");

    RunReport check = new RunReport("run2", Mode.CHECK, T0, Duration.ofSeconds(1), ImmutableList.of(),
        Optional.empty());
    assertThat(new ObjectMapper().readTree(new JsonReport().render(check)).get("outage").isNull()).isTrue();
    assertThat(new TextReport(false).render(check)).doesNotContain("Outage");
  }
}
