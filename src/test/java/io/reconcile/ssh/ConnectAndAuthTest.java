package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static io.reconcile.ssh.SshFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reaching a host: connect failures, handshake hangs, key files, authentication. Loopback only. */
@Timeout(120)
class ConnectAndAuthTest {
  @TempDir Path dir;

  @Test
  void ed25519RsaAndPemKeysFromSshKeygenAuthenticate() throws Exception {
    List<Path> keys = List.of(
        TestKeys.generate(dir, "ed25519", "id_ed25519"),
        TestKeys.generate(dir, "rsa", "id_rsa"),
        TestKeys.generatePemRsa(dir, "id_rsa_pem"));
    EmbeddedSshServer.Builder builder = EmbeddedSshServer.builder();
    keys.forEach(k -> builder.authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(k))));
    try (EmbeddedSshServer server = builder.start();
         SshTransport transport = SshTransport.create(options(knownHostsFor(server)))) {
      for (Path key : keys) {
        try (HostSession session = transport.open(target("web1", server, key))) {
          assertThat(session.run(RemoteCommand.of("echo " + key.getFileName())).stdoutText())
              .isEqualTo(key.getFileName() + "\n");
        }
      }
    }
  }

  @Test
  void defaultKeysAreUsedWhenTheTargetNamesNone() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer server = serverFor(key);
         SshTransport transport = SshTransport.create(options(knownHostsFor(server))
             .withDefaultKeyFiles(List.of(dir.resolve("id_missing"), key)))) {
      SshTarget target = new SshTarget("web1", server.host(), server.port(), "deploy", Optional.empty(), false);
      try (HostSession session = transport.open(target)) {
        assertThat(session.run(RemoteCommand.of("echo default")).stdoutText()).isEqualTo("default\n");
      }
    }
  }

  @Test
  void keyTheServerDoesNotAuthorizeIsAnAuthFailure() throws Exception {
    Path authorized = TestKeys.generate(dir, "ed25519", "authorized");
    Path stranger = TestKeys.generate(dir, "ed25519", "stranger");
    try (EmbeddedSshServer server = serverFor(authorized)) {
      SshFailure failure = failureOf(options(knownHostsFor(server)), target("web1", server, stranger));

      assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.AUTH_FAILED);
      assertThat(failure.unreachable()).isTrue();
      assertThat(failure.message()).contains("permission denied (publickey) for deploy@127.0.0.1:" + server.port())
          .contains(stranger.toString());
    }
  }

  @Test
  void encryptedKeyIsRefusedWithAClearMessage() throws Exception {
    Path key = TestKeys.generateEncrypted(dir, "ed25519", "id_locked", "secret passphrase");
    try (EmbeddedSshServer server = serverFor(key)) {
      SshFailure failure = failureOf(options(knownHostsFor(server)), target("web1", server, key));

      assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
      assertThat(failure.message()).contains(key.toString()).contains("encrypted with a passphrase");
      assertThat(server.sessionsCreated()).isZero();
    }
  }

  @Test
  void missingAndGarbageKeyFilesAreRefusedBeforeConnecting() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage"), "not a key\n");
    try (EmbeddedSshServer server = serverFor(TestKeys.generate(dir, "ed25519", "id_ed25519"))) {
      SshFailure missing = failureOf(options(knownHostsFor(server)), target("web1", server, dir.resolve("nope")));
      SshFailure unreadable = failureOf(options(knownHostsFor(server)), target("web1", server, garbage));

      assertThat(missing.kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
      assertThat(missing.message()).isEqualTo("private key file " + dir.resolve("nope") + " does not exist");
      assertThat(unreadable.kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
      assertThat(unreadable.message()).contains(garbage.toString());
      assertThat(server.sessionsCreated()).isZero();
    }
  }

  @Test
  void closedPortIsAConnectFailure() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort(); // free now, and nobody listens once closed
    }

    SshFailure failure = failureOf(options(dir.resolve("known_hosts")), target("web1", closedPort, key));

    assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.CONNECT_FAILED);
    assertThat(failure.unreachable()).isTrue();
    assertThat(failure.message()).contains("127.0.0.1:" + closedPort);
  }

  @Test
  void listenerWithAFullBacklogIsAConnectTimeout() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    List<Socket> fillers = new ArrayList<>();
    // Never accepts: once its backlog is full, Linux drops further SYNs, so a connect hangs, as to a
    // host behind a black-holing firewall, without leaving loopback.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < 8; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(full.getLocalSocketAddress(), 300);
        } catch (IOException e) {
          // the queue is full: that is the point
        }
        fillers.add(filler);
      }
      TransportOptions options = options(dir.resolve("known_hosts")).withConnectTimeout(Duration.ofSeconds(1));

      SshFailure failure = failureOf(options, target("web1", full.getLocalPort(), key));

      assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.CONNECT_TIMEOUT);
      assertThat(failure.unreachable()).isTrue();
      assertThat(failure.message()).isEqualTo("no TCP connection to 127.0.0.1:" + full.getLocalPort() + " within 1s");
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @Test
  void peerThatAcceptsButNeverSpeaksSshTimesOut() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (SilentServer silent = new SilentServer()) {
      TransportOptions options = options(dir.resolve("known_hosts")).withAuthTimeout(Duration.ofSeconds(1));

      SshFailure failure = failureOf(options, target("web1", silent.port(), key));

      assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HANDSHAKE_FAILED);
      assertThat(failure.unreachable()).isTrue();
      assertThat(failure.message()).contains("within 1s");
    }
  }

  @Test
  void oneUnreachableHostDoesNotDisturbTheOthersOnTheSameTransport() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    try (EmbeddedSshServer server = serverFor(key);
         SilentServer silent = new SilentServer();
         SshTransport transport = SshTransport.create(
             options(knownHostsFor(server)).withAuthTimeout(Duration.ofSeconds(2)))) {
      try (HostSession good = transport.open(target("good", server, key))) {
        SshFailure bad = catchFailure(transport, target("bad", silent.port(), key));

        assertThat(bad.host()).isEqualTo("bad");
        assertThat(good.run(RemoteCommand.of("echo fine")).stdoutText()).isEqualTo("fine\n");
      }
    }
  }

  private EmbeddedSshServer serverFor(Path key) throws IOException {
    return EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key))).start();
  }

  private Path knownHostsFor(EmbeddedSshServer server) {
    Path file = dir.resolve("known_hosts");
    server.writeKnownHosts(file);
    return file;
  }

  private static SshFailure failureOf(TransportOptions options, SshTarget target) {
    try (SshTransport transport = SshTransport.create(options)) {
      return catchFailure(transport, target);
    }
  }

  private static SshFailure catchFailure(SshTransport transport, SshTarget target) {
    try (HostSession unexpected = transport.open(target)) {
      throw new AssertionError("connected to " + target + " but expected a failure");
    } catch (SshFailureException e) {
      assertThat(e.failure().host()).isEqualTo(target.name());
      return e.failure();
    }
  }

  /** Accepts TCP connections on loopback and never says a word: a hung sshd. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(socket.accept());
          }
        } catch (IOException e) {
          // closed
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : new ArrayList<>(held)) {
        s.close();
      }
    }
  }
}
