package io.reconcile.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.Mode;
import io.reconcile.report.OutageWindow;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import io.reconcile.report.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every history store does, whatever keeps the runs. */
abstract class RunHistoryContract {
  static final Instant T0 = Instant.parse("2026-11-25T13:00:00.123Z");
  static final RunScope ALL = RunScope.of(List.of(), List.of(), Optional.empty());
  static final RunScope QUOTA = RunScope.of(List.of("quota"), List.of(), Optional.empty());

  private RunHistory history;

  /** A new, empty store. */
  abstract RunHistory open() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    history = open();
  }

  @AfterEach
  void closeStore() {
    history.close();
  }

  static RunRecord run(String id, Mode mode, Instant started, RunScope scope, HostResult... hosts) {
    RunReport report = new RunReport(id, mode, started, Duration.ofMillis(1500), ImmutableList.copyOf(hosts), Optional.empty());
    return new RunRecord(scope, "/srv/ops/prod.ini",
        ImmutableList.of(new PlannedPhase("main", ImmutableMap.of("web1", ImmutableList.of("file:/etc/app.conf")))),
        ImmutableList.of("web1:/var/backups/reconcile/" + id + "/etc/app.conf"), ImmutableList.of("/srv/exports/" + id + "/users.csv"),
        report);
  }

  static HostResult host(String name, ResourceStatus status) {
    ResourceResult resource = new ResourceResult("file:/etc/app.conf", "file", "main", status, Optional.of("absent"),
        Optional.of("present"), Optional.of("--- a\n+++ b\n+X = 1\n"), Optional.empty(),
        ImmutableList.of("/var/backups/reconcile/x/etc/app.conf"));
    ImmutableList<ResourceResult> resources = ImmutableList.of(resource);
    return new HostResult(name, HostResult.statusOf(resources, Optional.empty()), Optional.empty(), resources);
  }

  static HostResult unreachable(String name) {
    return new HostResult(name, HostStatus.UNREACHABLE, Optional.of("connection refused"), ImmutableList.of());
  }

  @Test
  void anEmptyHistoryHasNothing() {
    assertThat(history.latest(10)).isEmpty();
    assertThat(history.find("nope")).isEmpty();
    assertThat(history.lastSuccessfulCheck("all")).isEmpty();
  }

  @Test
  void listsRunsNewestFirstWithModeCountsAndTimes() {
    history.record(run("r1", Mode.CHECK, T0, ALL, host("web1", ResourceStatus.DRIFT), host("web2", ResourceStatus.OK)));
    history.record(run("r2", Mode.APPLY, T0.plusMillis(400), ALL, host("web1", ResourceStatus.CHANGED), host("web2", ResourceStatus.OK)));
    history.record(run("r3", Mode.CHECK, T0.plusSeconds(60), ALL, host("web1", ResourceStatus.OK), unreachable("web2")));

    List<RunEntry> entries = history.latest(10);
    assertThat(entries).extracting(RunEntry::id).containsExactly("r3", "r2", "r1");
    assertThat(entries).extracting(RunEntry::mode).containsExactly(Mode.CHECK, Mode.APPLY, Mode.CHECK);
    assertThat(entries).extracting(RunEntry::started).containsExactly(T0.plusSeconds(60), T0.plusMillis(400), T0);
    assertThat(entries).extracting(RunEntry::hosts).containsExactly(2, 2, 2);
    assertThat(entries).extracting(RunEntry::changes).containsExactly(0, 1, 1);
    assertThat(entries).extracting(RunEntry::failed).containsExactly(1, 0, 0);
    assertThat(entries).extracting(RunEntry::exitCode).containsExactly(4, 0, 2);
    assertThat(history.latest(2)).extracting(RunEntry::id).containsExactly("r3", "r2");
  }

  @Test
  void findsARunWithItsPlanResultBackupsAndExports() {
    RunRecord recorded = run("r1", Mode.APPLY, T0, QUOTA, host("web1", ResourceStatus.CHANGED), unreachable("web2"));
    history.record(recorded);

    RunRecord found = history.find("r1").orElseThrow();
    assertThat(found.report()).isEqualTo(recorded.report());
    assertThat(found.plan()).isEqualTo(recorded.plan());
    assertThat(found.backups()).isEqualTo(recorded.backups());
    assertThat(found.exports()).isEqualTo(recorded.exports());
    assertThat(found.scope()).isEqualTo(QUOTA);
    assertThat(found.inventory()).isEqualTo("/srv/ops/prod.ini");
  }

  @Test
  void keepsEachApplysOutageWindowAndListsItsLength() {
    RunRecord plain = run("r1", Mode.APPLY, T0, ALL, host("web1", ResourceStatus.CHANGED));
    OutageWindow window = OutageWindow.of(List.of(
        new ServiceEvent("web1", "gunicorn", ServiceEvent.Kind.STOPPED, T0.plusMillis(200), "service:down"),
        new ServiceEvent("web1", "gunicorn", ServiceEvent.Kind.STARTED, T0.plusMillis(1450), "service:up")))
        .orElseThrow();
    RunReport report = plain.report();
    RunRecord upgrade = new RunRecord(ALL, plain.inventory(), plain.plan(), plain.backups(), plain.exports(),
        new RunReport("r2", Mode.APPLY, T0.plusSeconds(60), report.elapsed(), report.hosts(), Optional.empty(),
            Optional.empty(), Optional.of(window)));
    history.record(plain);
    history.record(upgrade);

    assertThat(history.latest(2)).extracting(RunEntry::outage)
        .containsExactly(Optional.of(Duration.ofMillis(1250)), Optional.empty());
    assertThat(history.find("r2").orElseThrow().report().outage()).contains(window);
  }

  @Test
  void theLastSuccessfulCheckOfAScopeSurvivesLaterFailedChecksAndOtherScopes() {
    history.record(run("r1", Mode.CHECK, T0, QUOTA, host("astakos1", ResourceStatus.OK)));
    history.record(run("r2", Mode.CHECK, T0.plusSeconds(60), QUOTA, host("astakos1", ResourceStatus.DRIFT)));
    history.record(run("r3", Mode.CHECK, T0.plusSeconds(120), QUOTA, unreachable("astakos1")));
    history.record(run("r4", Mode.APPLY, T0.plusSeconds(180), QUOTA, host("astakos1", ResourceStatus.CHANGED)));
    history.record(run("r5", Mode.CHECK, T0.plusSeconds(240), ALL, host("astakos1", ResourceStatus.OK)));

    assertThat(history.lastSuccessfulCheck(QUOTA.label())).as("a check that found drift still worked")
        .contains(T0.plusSeconds(60).plusMillis(1500));
    assertThat(history.lastSuccessfulCheck(ALL.label())).contains(T0.plusSeconds(240).plusMillis(1500));
    assertThat(history.lastSuccessfulCheck("tags=other")).isEmpty();
  }
}
