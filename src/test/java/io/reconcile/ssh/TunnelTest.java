package io.reconcile.ssh;

import static io.reconcile.ssh.SshFixture.options;
import static io.reconcile.ssh.SshFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.testing.EmbeddedSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local port forwarding through the host's session, e.g. to a database that listens on the host only. */
@Timeout(120)
class TunnelTest {
  @TempDir Path dir;
  private EmbeddedSshServer server;
  private SshTransport transport;
  private HostSession session;
  private ServerSocket echo;

  @BeforeEach
  void start() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    server = EmbeddedSshServer.builder()
        .authorizedKey(EmbeddedSshServer.readPublicKey(TestKeys.publicKeyFile(key)))
        .start();
    Path knownHosts = dir.resolve("known_hosts");
    server.writeKnownHosts(knownHosts);
    transport = SshTransport.create(options(knownHosts));
    session = transport.open(target("db1", server, key));
    echo = startEchoServer();
  }

  @AfterEach
  void stop() throws Exception {
    echo.close();
    transport.close();
    server.close();
  }

  @Test
  void bytesGoThroughTheTunnelAndBack() throws Exception {
    byte[] payload = new byte[256 * 1024];
    new Random(7).nextBytes(payload);

    try (Tunnel tunnel = session.forwardLocal("127.0.0.1", echo.getLocalPort())) {
      assertThat(tunnel.localHost()).isEqualTo("127.0.0.1");
      for (int connection = 0; connection < 3; connection++) {
        try (Socket client = new Socket(tunnel.localHost(), tunnel.localPort())) {
          assertThat(roundTrip(client, payload)).isEqualTo(payload);
        }
      }
    }
  }

  @Test
  void closedTunnelNoLongerListens() throws Exception {
    Tunnel tunnel = session.forwardLocal("127.0.0.1", echo.getLocalPort());
    int port = tunnel.localPort();
    tunnel.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void tunnelListensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> ownAddress = nonLoopbackAddressOfThisMachine();
    try (Tunnel tunnel = session.forwardLocal("127.0.0.1", echo.getLocalPort())) {
      for (InetAddress address : ownAddress.stream().toList()) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, tunnel.localPort()), 2000);
          }
        }).isInstanceOf(ConnectException.class);
      }
      try (Socket client = new Socket("127.0.0.1", tunnel.localPort())) {
        assertThat(roundTrip(client, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
      }
    }
  }

  @Test
  void nothingListeningBehindTheTunnelClosesTheLocalConnection() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    try (Tunnel tunnel = session.forwardLocal("127.0.0.1", closedPort);
         Socket client = new Socket("127.0.0.1", tunnel.localPort())) {
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
    // The session itself is unharmed.
    assertThat(session.run(RemoteCommand.of("echo ok")).stdoutText()).isEqualTo("ok\n");
  }

  /** Writes while reading (so neither side's buffers fill up), as a database client would; no half-close. */
  private static byte[] roundTrip(Socket client, byte[] payload) throws Exception {
    Thread writer = new Thread(() -> {
      try {
        OutputStream out = client.getOutputStream();
        out.write(payload);
        out.flush();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    byte[] back = client.getInputStream().readNBytes(payload.length);
    writer.join();
    return back;
  }

  private static ServerSocket startEchoServer() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket connection = socket.accept();
          Thread handler = new Thread(() -> {
            try (connection; InputStream in = connection.getInputStream()) {
              in.transferTo(connection.getOutputStream());
            } catch (IOException e) {
              // client went away
            }
          });
          handler.setDaemon(true);
          handler.start();
        }
      } catch (IOException e) {
        // closed
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return socket;
  }

  private static Optional<InetAddress> nonLoopbackAddressOfThisMachine() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> {
          try {
            return nic.isUp() && !nic.isLoopback();
          } catch (IOException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .findFirst();
  }
}
