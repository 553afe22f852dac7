package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts behind bastions (ProxyJump) with embedded servers: one bastion session for all hosts behind it,
 * chains of bastions, and host keys checked for the bastion and for every host behind it.
 */
@Timeout(120)
class JumpHostTest {
  @TempDir Path dir;

  @Test
  void hostsBehindOneBastionShareItsSession() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer bastion = serverFor(key);
         EmbeddedSshServer web1 = serverFor(key);
         EmbeddedSshServer web2 = serverFor(key)) {
      Path knownHosts = knownHosts(bastion, web1, web2);
      SshTarget jump = SshFixture.target("bastion", bastion, key);
      try (SshTransport transport = SshTransport.create(options(knownHosts));
           HostSession one = transport.open(behind(SshFixture.target("web1", web1, key), jump));
           HostSession two = transport.open(behind(SshFixture.target("web2", web2, key), jump))) {
        assertThat(one.run(RemoteCommand.of("echo one")).stdoutText()).isEqualTo("one\n");
        assertThat(two.run(RemoteCommand.of("echo two")).stdoutText()).isEqualTo("two\n");
        assertThat(bastion.sessionsCreated()).isEqualTo(1);
        assertThat(bastion.receivedCommands()).isEmpty(); // a bastion only forwards
      }
    }
  }

  @Test
  void chainOfBastionsIsFollowedInOrder() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer outer = serverFor(key);
         EmbeddedSshServer inner = serverFor(key);
         EmbeddedSshServer web1 = serverFor(key)) {
      Path knownHosts = knownHosts(outer, inner, web1);
      SshTarget target = SshFixture.target("web1", web1, key).withOptions(SshOptions.NONE.withJumps(List.of(
          SshFixture.target("outer", outer, key), SshFixture.target("inner", inner, key))));
      try (SshTransport transport = SshTransport.create(options(knownHosts));
           HostSession session = transport.open(target)) {
        assertThat(session.run(RemoteCommand.of("echo chained")).stdoutText()).isEqualTo("chained\n");
        assertThat(outer.sessionsCreated()).isEqualTo(1);
        assertThat(inner.sessionsCreated()).isEqualTo(1);
      }
    }
  }

  @Test
  void hostKeyOfTheHostBehindTheBastionIsVerifiedUnderItsOwnName() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer bastion = serverFor(key);
         EmbeddedSshServer web1 = serverFor(key)) {
      Path knownHosts = knownHosts(bastion); // web1 unknown
      SshTarget target = behind(SshFixture.target("web1", web1, key), SshFixture.target("bastion", bastion, key));
      try (SshTransport transport = SshTransport.create(options(knownHosts))) {
        SshFailure failure = SshFixture.catchFailure(() -> transport.open(target)).failure();
        assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
        assertThat(failure.message()).contains("[127.0.0.1]:" + web1.port());
      }
      Files.writeString(knownHosts, "[127.0.0.1]:" + web1.port() + " " + bastionKeyLine(bastion) + "\n",
          java.nio.file.StandardOpenOption.APPEND);
      try (SshTransport transport = SshTransport.create(options(knownHosts))) {
        SshFailure failure = SshFixture.catchFailure(() -> transport.open(target)).failure();
        assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_CHANGED);
      }
    }
  }

  @Test
  void unknownBastionKeyFailsEveryHostBehindItWithoutASecondTry() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer bastion = serverFor(key);
         EmbeddedSshServer web1 = serverFor(key);
         EmbeddedSshServer web2 = serverFor(key)) {
      Path knownHosts = knownHosts(web1, web2); // the bastion is unknown
      SshTarget jump = SshFixture.target("bastion", bastion, key);
      try (SshTransport transport = SshTransport.create(options(knownHosts))) {
        for (SshTarget host : List.of(behind(SshFixture.target("web1", web1, key), jump),
            behind(SshFixture.target("web2", web2, key), jump))) {
          SshFailure failure = SshFixture.catchFailure(() -> transport.open(host)).failure();
          assertThat(failure.host()).isEqualTo(host.name());
          assertThat(failure.kind()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
          assertThat(failure.message()).startsWith("bastion bastion (deploy@127.0.0.1:" + bastion.port()
              + "): host key for");
        }
        assertThat(bastion.sessionsCreated()).isEqualTo(1);
        assertThat(web1.sessionsCreated()).isZero();
      }
    }
  }

  @Test
  void hostTheBastionCannotReachIsUnreachableNamingTheBastion() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (EmbeddedSshServer bastion = serverFor(key)) {
      SshTarget target = behind(SshFixture.target("web1", closed, key), SshFixture.target("bastion", bastion, key));
      try (SshTransport transport = SshTransport.create(options(knownHosts(bastion)))) {
        SshFailure failure = SshFixture.catchFailure(() -> transport.open(target)).failure();
        assertThat(failure.unreachable()).isTrue();
        assertThat(failure.message()).contains("127.0.0.1:" + closed).contains("via bastion deploy@127.0.0.1:"
            + bastion.port());
      }
    }
  }

  private static SshTarget behind(SshTarget host, SshTarget bastion) {
    return host.withOptions(SshOptions.NONE.withJumps(List.of(bastion)));
  }

  private static String bastionKeyLine(EmbeddedSshServer bastion) {
    return bastion.knownHostsLines().get(0).split(" ", 2)[1];
  }

  private static EmbeddedSshServer serverFor(Path key) throws Exception {
    return EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key)))
        .start();
  }

  private Path knownHosts(EmbeddedSshServer... servers) {
    Path file = dir.resolve("known_hosts");
    for (EmbeddedSshServer server : servers) {
      server.writeKnownHosts(file);
    }
    return file;
  }

}
