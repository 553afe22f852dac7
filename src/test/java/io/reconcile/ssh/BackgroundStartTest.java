package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.catchFailure;
import static io.reconcile.ssh.SshFixture.options;
import static io.reconcile.ssh.SshFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.ssh.SshFailure.Kind;
import io.reconcile.testing.EmbeddedSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client started and the keys read ahead on background threads behave as if done on first use. */
@Timeout(60)
class BackgroundStartTest {
  @TempDir Path dir;

  @Test
  void hostsOpenAsUsualWhileAndAfterTheBackgroundStart() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    Path knownHosts = dir.resolve("known_hosts");
    try (EmbeddedSshServer server = EmbeddedSshServer.builder()
             .authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key))).start();
         SshTransport transport = SshTransport.create(options(knownHosts))) {
      server.writeKnownHosts(knownHosts);
      transport.startInBackground();
      transport.readKeysInBackground(List.of(key, dir.resolve("id_missing")));
      for (String host : List.of("web1", "web2")) {
        try (HostSession session = transport.open(target(host, server, key))) {
          assertThat(session.run(RemoteCommand.of("echo " + host)).stdoutText()).isEqualTo(host + "\n");
        }
      }
      SshFailureException missing = catchFailure(() -> transport.open(target("web3", server, dir.resolve("id_missing"))));
      assertThat(missing.failure().kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
      assertThat(missing.failure().message()).contains("id_missing").contains("does not exist");
    }
  }

  @Test
  void aTransportClosedRightAfterTheBackgroundStartOpensNothing() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    Files.writeString(dir.resolve("known_hosts"), "");
    SshTransport transport = SshTransport.create(options(dir.resolve("known_hosts")));
    transport.startInBackground();
    transport.close();
    transport.close(); // closing twice is harmless

    assertThatThrownBy(() -> transport.open(target("web1", 22, key))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
