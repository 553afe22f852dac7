package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.CliProject.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing waits forever, over SSH to real (embedded) servers: a run with a deadline ends at it, and a
 * second run of the same inventory and state directory does not pile up behind the first: it names the
 * run in progress and exits {@value RunLock#BUSY}, or waits for it when asked to.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WaitsCliTest {
  @TempDir Path dir;
  private CliProject project;
  private Path release;

  @BeforeEach
  void setUp() throws Exception {
    project = new CliProject(dir);
    release = dir.resolve("release");
    Files.writeString(dir.resolve("states/30-slow.yml"), """
        resources:
          - command: "while [ ! -e %1$s ]; do sleep 0.1; done; touch %2$s/started-and-done"
            id: slow
            hosts: web1
            creates: %2$s/started-and-done
        """.formatted(release, dir));
  }

  @AfterEach
  void tearDown() throws IOException {
    Files.writeString(release, "");
    project.close();
  }

  @Test
  void aRunWithADeadlineEndsThereAndFailsWhatWasNotDone() {
    Instant started = Instant.now();
    Run run = project.reconcile("--run-timeout", "3", "--format", "json");
    Duration took = Duration.between(started, Instant.now());

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(4);
    assertThat(took).as("bounded by the deadline (3 s)").isLessThan(Duration.ofSeconds(20));
    assertThat(run.out()).contains("\"command:slow\"", "--run-timeout").doesNotContain("\"interrupted\": \"");
  }

  @Test
  void aSecondRunNamesTheRunInProgressAndExitsOrWaitsForItWhenAsked() throws Exception {
    CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> project.reconcile());
    awaitRunning();

    Run second = project.reconcile("--check");
    assertThat(second.code()).as(second.err()).isEqualTo(RunLock.BUSY);
    assertThat(second.err()).contains("another run of " + dir.resolve("prod.ini") + " is in progress", "pid " + ProcessHandle.current().pid(),
        "apply", "--wait-for-lock");
    assertThat(second.out()).isEmpty();

    CompletableFuture<Run> waiting = CompletableFuture.supplyAsync(() -> project.reconcile("--check", "--wait-for-lock", "60"));
    Thread.sleep(500); // give it time to find the lock taken; it must not end before the first run does
    assertThat(waiting).isNotDone();
    Files.writeString(release, "");

    assertThat(first.get(60, TimeUnit.SECONDS).code()).isZero();
    Run afterWaiting = waiting.get(60, TimeUnit.SECONDS);
    assertThat(afterWaiting.code()).as(afterWaiting.err()).isZero();
  }

  /** The first run holds the lock once its command runs on web1. */
  private void awaitRunning() throws InterruptedException {
    Instant limit = Instant.now().plusSeconds(30);
    while (!isRunning()) {
      assertThat(Instant.now()).as("the first run reaches its command").isBefore(limit);
      Thread.sleep(50);
    }
  }

  private static boolean isRunning() {
    return ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("").contains("while [ ! -e"));
  }
}
