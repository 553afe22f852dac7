package io.reconcile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileProcess;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.testing.EmbeddedSshServer;
import io.reconcile.testing.Poll;
import io.reconcile.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) goes the same way as SIGTERM (see FaultsOnFleetTest): the resource in flight finishes,
 * nothing new starts, the run is reported and recorded as interrupted (exit 130). Here against an SSH
 * server in this JVM running /bin/sh, so the in-flight command is a local process the test can release.
 */
@Timeout(120)
class SigintTest {
  @Test
  void ctrlCFinishesTheResourceInFlightAndRecordsTheInterruptedRun(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id_ed25519");
    assertThat(new ProcessBuilder("ssh-keygen", "-q", "-N", "", "-t", "ed25519", "-f", key.toString()).start().waitFor()).isZero();
    try (EmbeddedSshServer host = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start()) {
      host.writeKnownHosts(dir.resolve("known_hosts"));
      Path work = Files.createDirectories(dir.resolve("host"));
      ProjectFiles.write(dir.resolve("prod.ini"), "web1 ansible_host=127.0.0.1 ansible_port=" + host.port()
          + " ansible_user=deploy ansible_ssh_private_key_file=" + key + "\n");
      ProjectFiles.write(dir.resolve("states/10-work.yml"), """
          resources:
            - command: "touch W/in-flight; while [ ! -e W/release ]; do sleep 0.1; done; touch W/step1"
              id: step1
              creates: W/step1
            - file: W/after.conf
              content: "AFTER = 1\\n"
          """.replace("W", work.toString()));
      List<String> args = List.of("--inventory", dir.resolve("prod.ini").toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
          "--state-dir", dir.resolve("state").toString(), "--progress", "none", "--format", "json");

      ReconcileProcess reconcile = ReconcileProcess.start(args);
      Poll.until("step1 runs", Duration.ofSeconds(60), () -> Files.exists(work.resolve("in-flight")));
      Assumptions.assumeFalse(ignoresSigint(reconcile), "SIGINT is ignored in this process tree (started in the background"
          + " by a non-interactive shell); the JVM then never sees Ctrl-C");
      reconcile.signal("INT");
      reconcile.awaitStderr("interrupted by SIGINT or SIGTERM", Duration.ofSeconds(60));
      Files.createFile(work.resolve("release"));
      int code = reconcile.waitFor(Duration.ofSeconds(60));

      assertThat(code).as(reconcile.toString()).isEqualTo(130);
      ReconcileRun report = new ReconcileRun(code, reconcile.out(), reconcile.err());
      assertThat(report.statuses().get("web1")).containsOnly(Map.entry("command:step1", "changed"),
          Map.entry("file:" + work + "/after.conf", "skipped"));
      assertThat(work.resolve("step1")).exists();
      assertThat(work.resolve("after.conf")).doesNotExist();
      ReconcileRun history = ReconcileRun.of("history", "--state-dir", dir.resolve("state").toString());
      assertThat(history.out()).contains(report.json().get("run_id").asText()).containsPattern("apply +1 +1 +0 +130");

      ReconcileRun rerun = ReconcileRun.of(args);
      assertThat(rerun.code()).as(rerun.toString()).isZero();
      assertThat(work.resolve("after.conf")).hasContent("AFTER = 1");
    }
  }

  /** Whether the process ignores SIGINT (SigIgn in /proc: bit 1 is signal 2). */
  private static boolean ignoresSigint(ReconcileProcess process) throws IOException {
    String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
    String mask = status.lines().filter(l -> l.startsWith("SigIgn:")).findFirst().orElseThrow().substring(7).strip();
    return (Long.parseUnsignedLong(mask, 16) & 0x2) != 0;
  }
}
