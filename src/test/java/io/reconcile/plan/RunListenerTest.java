package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.HostResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress events of check and apply, and that hosts without declarations see none (never contacted). */
class RunListenerTest {
  @TempDir Path project;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final RunListener recorder = new RunListener() {
    @Override
    public void phaseStarted(String phase, int hosts) {
      events.add("phase " + phase + " " + hosts);
    }

    @Override
    public void hostStarted(String phase, String host) {
      events.add("start " + phase + " " + host);
    }

    @Override
    public void hostFinished(String phase, HostResult result) {
      events.add("done " + phase + " " + result.name() + " " + result.status().label());
    }

    @Override
    public void runFinished() {
      events.add("end");
    }
  };

  @BeforeEach
  void setUp() throws IOException {
    Path etc = Files.createDirectories(project.resolve("etc"));
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("states/10-first.yml"), """
        phase: first
        hosts: a
        resources:
          - file: ETC/one.conf
            content: "1\\n"
        """.replace("ETC", etc.toString()));
    Files.writeString(project.resolve("states/20-second.yml"), """
        phase: second
        hosts: a
        resources:
          - file: ETC/two.conf
            content: "2\\n"
        """.replace("ETC", etc.toString()));
  }

  private Reconciler reconciler(Set<String> unreachable) {
    return new Reconciler(new LocalFleet(unreachable),
        new RunSettings(2, "run1", project.resolve("backups").toString(), project.resolve("exports")), recorder);
  }

  @Test
  void checkReportsTheHostsItContactsAndNoOthers() {
    List<HostTarget> hosts = LocalFleet.hosts("a", "b");
    // b is "unreachable": contacting it would fail the run's b; it has no declarations, so it must stay ok.
    var report = reconciler(Set.of("b")).check(LocalFleet.desired(project, hosts), hosts);
    assertThat(events).containsExactly("phase check 1", "start check a", "done check a drifted", "end");
    assertThat(report.hosts().get(1).status().label()).isEqualTo("ok");
  }

  @Test
  void applyReportsEveryPhaseThenTheVerification() {
    List<HostTarget> hosts = LocalFleet.hosts("a", "b");
    var report = reconciler(Set.of("b")).apply(LocalFleet.desired(project, hosts), hosts);
    assertThat(report.exitCode()).isZero();
    assertThat(events).containsExactly("phase first 1", "start first a", "done first a changed",
        "phase second 1", "start second a", "done second a changed", "phase verify 1", "start verify a", "done verify a changed", "end");
  }
}
