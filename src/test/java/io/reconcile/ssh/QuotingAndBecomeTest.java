package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.EmbeddedSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Values are data, never shell, also through sudo; become wraps exactly as documented. */
@Timeout(120)
class QuotingAndBecomeTest {
  // Stands in for sudo on the server: insists on "-n --", marks the environment, runs the rest.
  private static final String FAKE_SUDO = """
      #!/bin/sh
      if [ "$1" != "-n" ] || [ "$2" != "--" ]; then
        echo "fake sudo: unexpected arguments: $*" >&2
        exit 99
      fi
      shift 2
      FAKE_SUDO=1 exec "$@"
      """;

  @TempDir Path dir;
  private EmbeddedSshServer server;
  private SshTransport transport;
  private Path key;
  private Path marker;

  @BeforeEach
  void start() throws Exception {
    key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path sudo = Files.writeString(bin.resolve("sudo"), FAKE_SUDO);
    Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    server = EmbeddedSshServer.builder()
        .authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key)))
        .pathPrefix(bin)
        .start();
    Path knownHosts = dir.resolve("known_hosts");
    server.writeKnownHosts(knownHosts);
    transport = SshTransport.create(options(knownHosts));
    marker = dir.resolve("pwned");
  }

  @AfterEach
  void stop() throws Exception {
    transport.close();
    server.close();
  }

  @Test
  void hostileValuesArriveVerbatimAndRunNothing() throws Exception {
    try (HostSession session = transport.open(target(false))) {
      for (String value : ShellQuoteTest.hostileValues(marker.toString())) {
        CommandResult result = session.run(RemoteCommand.of(ShellQuote.command("printf", "%s", value)));

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdoutText()).isEqualTo(value);
      }
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void hostileValuesSurviveTheSecondShellOfBecome() throws Exception {
    try (HostSession session = transport.open(target(true))) {
      for (String value : ShellQuoteTest.hostileValues(marker.toString())) {
        CommandResult result = session.run(RemoteCommand.of(ShellQuote.command("printf", "%s", value)));

        assertThat(result.stderrText()).isEmpty();
        assertThat(result.stdoutText()).isEqualTo(value);
      }
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void becomeRunsTheWholeCommandLineUnderSudoNonInteractive() throws Exception {
    String command = "echo \"sudo=$FAKE_SUDO\"; echo a | tr a b";
    try (HostSession session = transport.open(target(true))) {
      CommandResult result = session.run(RemoteCommand.of(command).withTimeout(Duration.ofSeconds(20)));

      assertThat(result.stdoutText()).isEqualTo("sudo=1\nb\n");
    }
    assertThat(server.receivedCommands())
        .containsExactly("sudo -n -- timeout -k 2 21 sh -c 'echo \"sudo=$FAKE_SUDO\"; echo a | tr a b'");
  }

  @Test
  void withoutBecomeTheCommandIsSentAsIs() throws Exception {
    try (HostSession session = transport.open(target(false))) {
      assertThat(session.run(RemoteCommand.of("echo \"sudo=$FAKE_SUDO\"")).stdoutText()).isEqualTo("sudo=\n");
    }
    assertThat(server.receivedCommands()).containsExactly("echo \"sudo=$FAKE_SUDO\"");
  }

  @Test
  void becomeKeepsStdin() throws Exception {
    try (HostSession session = transport.open(target(true))) {
      CommandResult result = session.run(RemoteCommand.of("cat").withStdin("secret\nfile\n".getBytes()));

      assertThat(result.stdoutText()).isEqualTo("secret\nfile\n");
    }
  }

  private SshTarget target(boolean become) {
    return new SshTarget("web1", server.host(), server.port(), "deploy", Optional.of(key), become);
  }
}
