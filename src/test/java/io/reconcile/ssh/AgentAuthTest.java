package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import io.reconcile.testing.SshAgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logins with keys held by Debian's real ssh-agent (loaded with ssh-add): the private key file is gone
 * before reconcile runs, so only the agent can sign.
 */
@Timeout(120)
class AgentAuthTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "ecdsa", "rsa"}) // rsa: the agent signs with rsa-sha2, as servers require
  void keyHeldOnlyByTheAgentLogsIn(String type) throws Exception {
    Path key = TestKeys.generate(dir, type, "agent_key");
    try (SshAgentProcess agent = SshAgentProcess.start(dir.resolve("agent.sock"));
         EmbeddedSshServer server = serverFor(key)) {
      agent.add(key);
      Files.delete(key); // reconcile cannot read it: only the agent holds it now
      Files.delete(TestKeys.publicKeyFile(key));
      SshTarget target = new SshTarget("web1", server.host(), server.port(), "deploy", Optional.empty(), false,
          SshOptions.NONE.withAgent(Optional.of(agent.socket())));
      try (SshTransport transport = SshTransport.create(options(knownHostsFor(server)));
           HostSession session = transport.open(target)) {
        assertThat(session.run(RemoteCommand.of("echo agent")).stdoutText()).isEqualTo("agent\n");
      }
    }
  }

  @Test
  void identitiesOnlyOffersOnlyTheAgentKeyOfTheNamedFile() throws Exception {
    Path wanted = TestKeys.generate(dir, "ed25519", "wanted");
    Path other = TestKeys.generate(dir, "ed25519", "other");
    try (SshAgentProcess agent = SshAgentProcess.start(dir.resolve("agent.sock"));
         EmbeddedSshServer server = serverFor(wanted)) {
      agent.add(other);
      agent.add(wanted);
      Files.delete(wanted); // its .pub stays: ssh picks the agent's key by it
      Files.delete(other);
      try (SshTransport transport = SshTransport.create(options(knownHostsFor(server)))) {
        SshTarget onlyOther = new SshTarget("web1", server.host(), server.port(), "deploy", Optional.empty(), false,
            new SshOptions(List.of(other), true, Optional.of(agent.socket()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        SshFailure refused = SshFixture.catchFailure(() -> transport.open(onlyOther)).failure();
        assertThat(refused.kind()).as(refused.message()).isEqualTo(Kind.AUTH_FAILED);
        assertThat(refused.message()).contains("ssh-agent at " + agent.socket());

        SshTarget onlyWanted = onlyOther.withOptions(new SshOptions(List.of(wanted), true, Optional.of(agent.socket()),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        try (HostSession session = transport.open(onlyWanted)) {
          assertThat(session.run(RemoteCommand.of("echo wanted")).stdoutText()).isEqualTo("wanted\n");
        }
      }
    }
  }

  @Test
  void noKeyFileAndNoAgentSaysBoth() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer server = serverFor(key)) {
      SshTarget target = new SshTarget("web1", server.host(), server.port(), "deploy", Optional.empty(), false,
          SshOptions.NONE.withAgent(Optional.of(dir.resolve("no-agent.sock"))));
      try (SshTransport transport = SshTransport.create(options(knownHostsFor(server))
          .withDefaultKeyFiles(List.of(dir.resolve("id_missing"))))) {
        SshFailure failure = SshFixture.catchFailure(() -> transport.open(target)).failure();
        assertThat(failure.kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
        assertThat(failure.message()).contains(dir.resolve("id_missing").toString())
            .contains("no ssh-agent answers at " + dir.resolve("no-agent.sock"));
      }
    }
  }

  private static EmbeddedSshServer serverFor(Path key) throws Exception {
    return EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key)))
        .start();
  }

  private Path knownHostsFor(EmbeddedSshServer server) {
    Path file = dir.resolve("known_hosts");
    server.writeKnownHosts(file);
    return file;
  }
}
