package io.reconcile.ssh;

import io.reconcile.testing.EmbeddedSshServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Shared set-up for transport tests: options with short timeouts, targets for embedded servers, and
 * sessions expected to fail.
 */
final class SshFixture {
  private SshFixture() {}

  /** Strict host keys against {@code knownHosts}, no default keys, timeouts short enough for tests. */
  static TransportOptions options(Path knownHosts) {
    return TransportOptions.defaults()
        .withKnownHosts(knownHosts)
        .withDefaultKeyFiles(List.of())
        .withConnectTimeout(Duration.ofSeconds(5))
        .withAuthTimeout(Duration.ofSeconds(5))
        .withCommandTimeout(Duration.ofSeconds(60));
  }

  static SshTarget target(String name, EmbeddedSshServer server, Path privateKey) {
    return new SshTarget(name, server.host(), server.port(), "deploy", Optional.of(privateKey), false);
  }

  static SshTarget target(String name, int port, Path privateKey) {
    return new SshTarget(name, EmbeddedSshServer.HOST, port, "deploy", Optional.of(privateKey), false);
  }

  interface Opening {
    HostSession open() throws SshFailureException;
  }

  /** Opens a session that the test expects to fail, and returns the failure. */
  static SshFailureException catchFailure(Opening opening) {
    try (HostSession unexpected = opening.open()) {
      throw new AssertionError("connected to " + unexpected.target() + " but expected a failure");
    } catch (SshFailureException e) {
      return e;
    }
  }
}
