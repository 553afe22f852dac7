package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.catchFailure;
import static io.reconcile.ssh.SshFixture.options;
import static io.reconcile.ssh.SshFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts policy: unknown refused (or accepted and appended on request), changed always refused. */
@Timeout(120)
class HostKeyVerificationTest {
  @TempDir Path dir;
  private Path key;
  private PublicKey clientKey;
  private Path knownHosts;
  private final List<EmbeddedSshServer> servers = new ArrayList<>();

  @BeforeEach
  void keys() {
    key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    clientKey = EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key));
    knownHosts = dir.resolve("known_hosts");
  }

  @AfterEach
  void stopServers() throws Exception {
    for (EmbeddedSshServer server : servers) {
      server.close();
    }
  }

  @Test
  void unknownHostKeyIsRefusedWithAHint() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    Files.writeString(knownHosts, "# no hosts yet\n");

    SshFailure failure = failureOf(options(knownHosts), target("db1", server, key));

    assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
    assertThat(failure.unreachable()).isTrue();
    assertThat(failure.host()).isEqualTo("db1");
    assertThat(failure.message()).startsWith("host key for [127.0.0.1]:" + server.port() + " is not in known_hosts "
        + knownHosts + "; use --accept-new-host-keys to trust it");
    assertThat(failure.message()).contains(KeyUtils.getFingerPrint(server.hostKeys().get(0)));
    assertThat(Files.readString(knownHosts)).isEqualTo("# no hosts yet\n");
  }

  @Test
  void entryWithoutPortDoesNotVouchForAnotherPort() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    // OpenSSH matches a bare "127.0.0.1" entry only on port 22.
    Files.writeString(knownHosts, "127.0.0.1 " + PublicKeyEntry.toString(server.hostKeys().get(0)) + "\n");

    SshFailure failure = failureOf(options(knownHosts), target("db1", server, key));

    assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
  }

  @Test
  void changedHostKeyIsRefusedAsPossibleManInTheMiddleEvenInAcceptNewMode() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    PublicKey otherKey = KeyUtils.generateKeyPair("ssh-ed25519", 256).getPublic();
    String content = "# fleet\n[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(otherKey) + "\n";
    Files.writeString(knownHosts, content);

    for (boolean acceptNew : new boolean[] {false, true}) {
      SshFailure failure = failureOf(options(knownHosts).withAcceptNewHostKeys(acceptNew), target("db1", server, key));

      assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_CHANGED);
      assertThat(failure.unreachable()).isTrue();
      assertThat(failure.message())
          .contains("host key for [127.0.0.1]:" + server.port() + " has CHANGED")
          .contains("possible man-in-the-middle")
          .contains(knownHosts + ":2")
          .contains(KeyUtils.getFingerPrint(server.hostKeys().get(0)))
          .contains(KeyUtils.getFingerPrint(otherKey));
      assertThat(Files.readString(knownHosts)).isEqualTo(content);
    }
  }

  @Test
  void knownKeyOfAnotherTypeThatTheServerNoLongerHasCountsAsChanged() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder()); // ed25519 only
    PublicKey rsa = KeyUtils.generateKeyPair("ssh-rsa", 2048).getPublic();
    Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(rsa) + "\n");

    SshFailure failure = failureOf(options(knownHosts).withAcceptNewHostKeys(true), target("db1", server, key));

    assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_CHANGED);
    assertThat(failure.message()).contains(knownHosts + ":1");
  }

  @Test
  void serverWithSeveralKeysIsVerifiedWithTheTypeKnownHostsHas() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder().rsaHostKey());
    // Only the RSA key is known; Mina's default preference would pick ed25519 first.
    Files.writeString(knownHosts, server.knownHostsLines().get(1) + "\n");
    assertThat(server.knownHostsLines().get(1)).contains("ssh-rsa");

    try (SshTransport transport = SshTransport.create(options(knownHosts));
         HostSession session = transport.open(target("db1", server, key))) {
      assertThat(session.run(RemoteCommand.of("echo ok")).stdoutText()).isEqualTo("ok\n");
    }
  }

  @Test
  void revokedKeyIsRefused() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    String line = server.knownHostsLines().get(0);
    Files.writeString(knownHosts, line + "\n@revoked " + line + "\n");

    SshFailure failure = failureOf(options(knownHosts), target("db1", server, key));

    assertThat(failure.kind()).as(failure.message()).isEqualTo(Kind.HOST_KEY_REVOKED);
    assertThat(failure.message()).contains(knownHosts + ":2");
  }

  @Test
  void acceptNewAppendsTheKeyAndTheNextStrictRunVerifiesIt() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    Path fresh = dir.resolve("sub/dir/known_hosts"); // missing file and directories are created

    try (SshTransport transport = SshTransport.create(options(fresh).withAcceptNewHostKeys(true));
         HostSession session = transport.open(target("db1", server, key))) {
      assertThat(session.run(RemoteCommand.of("echo first")).stdoutText()).isEqualTo("first\n");
    }
    assertThat(Files.readAllLines(fresh)).containsExactly(server.knownHostsLines().get(0));
    // OpenSSH itself finds the appended entry.
    assertThat(TestKeys.run(List.of("ssh-keygen", "-F", "[127.0.0.1]:" + server.port(), "-f", fresh.toString())))
        .contains(PublicKeyEntry.toString(server.hostKeys().get(0)));

    try (SshTransport transport = SshTransport.create(options(fresh));
         HostSession session = transport.open(target("db1", server, key))) {
      assertThat(session.run(RemoteCommand.of("echo second")).stdoutText()).isEqualTo("second\n");
    }
    assertThat(Files.readAllLines(fresh)).hasSize(1);
  }

  @Test
  void acceptNewFromManyHostsAtOnceLosesNoLine() throws Exception {
    List<EmbeddedSshServer> fleet = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      fleet.add(server(EmbeddedSshServer.builder()));
    }
    Files.writeString(knownHosts, "# existing, no newline at end", StandardCharsets.UTF_8);

    try (SshTransport transport = SshTransport.create(options(knownHosts).withAcceptNewHostKeys(true))) {
      runEverywhere(transport, fleet);
    }

    List<String> lines = Files.readAllLines(knownHosts);
    assertThat(lines.get(0)).isEqualTo("# existing, no newline at end");
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyInAnyOrderElementsOf(fleet.stream().map(s -> s.knownHostsLines().get(0)).toList());
    try (SshTransport strict = SshTransport.create(options(knownHosts))) {
      runEverywhere(strict, fleet);
    }
  }

  @Test
  void linesAddedOrChangedWhileTheTransportRunsAreUsed() throws Exception {
    EmbeddedSshServer first = server(EmbeddedSshServer.builder());
    EmbeddedSshServer second = server(EmbeddedSshServer.builder());
    first.writeKnownHosts(knownHosts);

    try (SshTransport transport = SshTransport.create(options(knownHosts))) {
      transport.open(target("db1", first, key)).close();
      assertThat(catchFailure(() -> transport.open(target("db2", second, key))).failure().kind())
          .isEqualTo(Kind.HOST_KEY_UNKNOWN);
      // Another process (ssh-keyscan, an operator) adds the second host while the run goes on.
      second.writeKnownHosts(knownHosts);
      transport.open(target("db2", second, key)).close();
      // ... and then replaces the first host's line with a wrong key.
      Files.writeString(knownHosts, "[127.0.0.1]:" + first.port() + " " + PublicKeyEntry.toString(second.hostKeys().get(0)) + "\n");
      assertThat(catchFailure(() -> transport.open(target("db1", first, key))).failure().kind())
          .isEqualTo(Kind.HOST_KEY_CHANGED);
    }
  }

  @Test
  void hashedEntriesWrittenByOpenSshAreMatched() throws Exception {
    EmbeddedSshServer server = server(EmbeddedSshServer.builder());
    EmbeddedSshServer other = server(EmbeddedSshServer.builder());
    server.writeKnownHosts(knownHosts);
    // A hashed entry for `other`'s address carrying the wrong key must count as changed.
    Files.writeString(knownHosts, "[127.0.0.1]:" + other.port() + " " + PublicKeyEntry.toString(server.hostKeys().get(0))
        + "\n", java.nio.file.StandardOpenOption.APPEND);
    TestKeys.run(List.of("ssh-keygen", "-H", "-f", knownHosts.toString()));
    String hashed = Files.readString(knownHosts);
    assertThat(hashed).startsWith("|1|").doesNotContain("127.0.0.1");

    try (SshTransport transport = SshTransport.create(options(knownHosts))) {
      try (HostSession session = transport.open(target("db1", server, key))) {
        assertThat(session.run(RemoteCommand.of("echo hashed")).stdoutText()).isEqualTo("hashed\n");
      }
      SshFailureException changed = catchFailure(() -> transport.open(target("db2", other, key)));
      assertThat(changed.failure().kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
      assertThat(changed.failure().message()).contains(knownHosts + ":2");
    }
  }

  private void runEverywhere(SshTransport transport, List<EmbeddedSshServer> fleet) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(fleet.size());
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < fleet.size(); i++) {
        SshTarget target = target("host" + i, fleet.get(i), key);
        Callable<String> call = () -> {
          try (HostSession session = transport.open(target)) {
            return session.run(RemoteCommand.of("echo " + target.name())).stdoutText();
          }
        };
        results.add(pool.submit(call));
      }
      for (int i = 0; i < fleet.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("host" + i + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private EmbeddedSshServer server(EmbeddedSshServer.Builder builder) throws Exception {
    EmbeddedSshServer server = builder.authorizedKey(clientKey).start();
    servers.add(server);
    return server;
  }

  private static SshFailure failureOf(TransportOptions options, SshTarget target) {
    try (SshTransport transport = SshTransport.create(options)) {
      return catchFailure(() -> transport.open(target)).failure();
    }
  }
}
