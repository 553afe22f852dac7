package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static io.reconcile.ssh.SshFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Commands on exec channels of one session against a real in-process sshd running real /bin/sh. */
@Timeout(120)
class RemoteCommandTest {
  @TempDir Path dir;
  private EmbeddedSshServer server;
  private SshTransport transport;
  private HostSession session;

  @BeforeEach
  void connect() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    server = EmbeddedSshServer.builder()
        .authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key)))
        .start();
    Path knownHosts = dir.resolve("known_hosts");
    server.writeKnownHosts(knownHosts);
    transport = SshTransport.create(options(knownHosts));
    session = transport.open(target("web1", server, key));
  }

  @AfterEach
  void close() throws Exception {
    transport.close();
    server.close();
  }

  @Test
  void returnsExitStatusStdoutAndStderr() throws Exception {
    CommandResult result = session.run(RemoteCommand.of("echo out; echo err >&2; exit 3"));

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stdoutText()).isEqualTo("out\n");
    assertThat(result.stderrText()).isEqualTo("err\n");
  }

  @Test
  void stdinArrivesByteForByte() throws Exception {
    byte[] input = new byte[3 * 1024 * 1024 + 17]; // several channel windows, every byte value
    new Random(42).nextBytes(input);

    CommandResult result = session.run(RemoteCommand.of("cat").withStdin(input));

    assertThat(result.exitStatus()).isZero();
    assertThat(result.stdout()).isEqualTo(input);
  }

  @Test
  void commandWithoutStdinReadsEofInsteadOfHanging() throws Exception {
    CommandResult result = session.run(RemoteCommand.of("cat; echo done"));

    assertThat(result.stdoutText()).isEqualTo("done\n");
  }

  @Test
  void commandThatIgnoresItsStdinStillReportsItsExitStatus() throws Exception {
    CommandResult result = session.run(RemoteCommand.of("exit 7").withStdin(new byte[2 * 1024 * 1024]));

    assertThat(result.exitStatus()).isEqualTo(7);
  }

  @Test
  void manyConcurrentCommandsShareTheOneSession() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<CommandResult>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String word = "cmd-" + i;
        Callable<CommandResult> call = () -> session.run(RemoteCommand.of("sleep 0.1; echo " + word));
        results.add(pool.submit(call));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get().stdoutText()).isEqualTo("cmd-" + i + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.sessionsCreated()).isEqualTo(1);
  }

  @Test
  void commandOverItsTimeoutIsKilledAndReportedAsTimeout() throws Exception {
    Path pidFile = dir.resolve("pid");
    RemoteCommand slow = RemoteCommand.of("echo $$ > " + ShellQuote.quote(pidFile.toString()) + "; exec sleep 300")
        .withTimeout(Duration.ofMillis(700));

    assertThatThrownBy(() -> session.run(slow))
        .isInstanceOfSatisfying(SshFailureException.class, e -> {
          assertThat(e.failure().kind()).isEqualTo(Kind.COMMAND_TIMEOUT);
          assertThat(e.failure().unreachable()).isFalse();
          assertThat(e.failure().host()).isEqualTo("web1");
          assertThat(e.failure().message()).contains("sleep 300");
        });

    long pid = Long.parseLong(Files.readString(pidFile).strip());
    awaitGone(pid);
    // The host is still usable after one command timed out.
    assertThat(session.run(RemoteCommand.of("echo still here")).stdoutText()).isEqualTo("still here\n");
  }

  @Test
  void stdinThatIsNeverReadDoesNotOutliveTheTimeout() throws Exception {
    // More than the pipes and channel windows hold, to a command that never reads it: the write blocks.
    RemoteCommand stuck = RemoteCommand.of("sleep 300").withStdin(new byte[16 * 1024 * 1024])
        .withTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(() -> session.run(stuck))
        .isInstanceOfSatisfying(SshFailureException.class,
            e -> assertThat(e.failure().kind()).isEqualTo(Kind.COMMAND_TIMEOUT));
    assertThat(session.run(RemoteCommand.of("echo next")).stdoutText()).isEqualTo("next\n");
  }

  @Test
  void lostSessionIsReportedAsUnreachable() throws Exception {
    server.close();

    assertThatThrownBy(() -> session.run(RemoteCommand.of("true")))
        .isInstanceOfSatisfying(SshFailureException.class, e -> {
          assertThat(e.failure().kind()).isEqualTo(Kind.CONNECTION_LOST);
          assertThat(e.failure().unreachable()).isTrue();
        });
  }

  @Test
  void outputIsBinarySafe() throws Exception {
    CommandResult result = session.run(RemoteCommand.of("printf '\\000\\377\\n'"));

    assertThat(result.stdout()).containsExactly(0, 0xff, '\n');
    assertThat(new String(result.stdout(), StandardCharsets.ISO_8859_1)).hasSize(3);
  }

  private static void awaitGone(long pid) throws InterruptedException {
    for (int i = 0; i < 200 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("remote process %d killed", pid).isFalse();
  }

  @Test
  void aCommandPrintingMoreThanTheBoundIsStoppedAndFailsInsteadOfFillingTheMemory() {
    long before = System.nanoTime();
    // about 200 MiB if nothing stopped it; stdout keeps at most HostSession.MAX_STDOUT
    assertThatThrownBy(() -> session.run(RemoteCommand.of("head -c 200000000 /dev/zero; echo done >&2")
        .withTimeout(Duration.ofSeconds(60))))
        .isInstanceOfSatisfying(SshFailureException.class, e -> {
          assertThat(e.failure().kind()).isEqualTo(Kind.COMMAND_FAILED);
          assertThat(e.getMessage()).contains("more than " + HostSession.MAX_STDOUT / (1024 * 1024) + " MiB on stdout");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void stderrKeepsItsLastLinesWhenThereIsTooMuchOfIt() throws Exception {
    CommandResult result = session.run(RemoteCommand.of("yes apt-progress | head -c 20000000 >&2; echo the-real-error >&2; exit 4")
        .withTimeout(Duration.ofSeconds(60)));

    assertThat(result.exitStatus()).isEqualTo(4);
    assertThat(result.stderr().length).isLessThanOrEqualTo(HostSession.MAX_STDERR);
    assertThat(result.stderrText()).endsWith("the-real-error\n");
  }
}
