package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings shared by all hosts of a run.
 *
 * @param knownHosts OpenSSH known_hosts file that host keys are verified against
 * @param acceptNewHostKeys trust and append keys of hosts that known_hosts does not name at all (OpenSSH's
 *     {@code StrictHostKeyChecking=accept-new}); a changed key is never accepted
 * @param connectTimeout limit for the TCP connect
 * @param authTimeout limit for SSH key exchange plus authentication after the TCP connect
 * @param commandTimeout limit for a command that does not set its own
 * @param defaultKeyFiles private keys tried when a target names none; missing files are skipped
 * @param maxChannelsPerHost commands run at once on one host; more wait for a free channel (OpenSSH's
 *     sshd refuses more than MaxSessions, default 10, channels per connection)
 */
public record TransportOptions(
    Path knownHosts,
    boolean acceptNewHostKeys,
    Duration connectTimeout,
    Duration authTimeout,
    Duration commandTimeout,
    List<Path> defaultKeyFiles,
    int maxChannelsPerHost) {

  public TransportOptions {
    Objects.requireNonNull(knownHosts, "knownHosts");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(authTimeout, "authTimeout");
    requirePositive(commandTimeout, "commandTimeout");
    defaultKeyFiles = ImmutableList.copyOf(defaultKeyFiles);
    if (maxChannelsPerHost < 1) {
      throw new IllegalArgumentException("maxChannelsPerHost must be at least 1: " + maxChannelsPerHost);
    }
  }

  /** ~/.ssh/known_hosts, strict host keys, 10 s connect (Ansible's default), 30 s auth, 30 min commands. */
  public static TransportOptions defaults() {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return new TransportOptions(
        ssh.resolve("known_hosts"),
        false,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
        10);
  }

  public TransportOptions withKnownHosts(Path file) {
    return new TransportOptions(file, acceptNewHostKeys, connectTimeout, authTimeout, commandTimeout,
        defaultKeyFiles, maxChannelsPerHost);
  }

  public TransportOptions withAcceptNewHostKeys(boolean accept) {
    return new TransportOptions(knownHosts, accept, connectTimeout, authTimeout, commandTimeout,
        defaultKeyFiles, maxChannelsPerHost);
  }

  public TransportOptions withConnectTimeout(Duration limit) {
    return new TransportOptions(knownHosts, acceptNewHostKeys, limit, authTimeout, commandTimeout,
        defaultKeyFiles, maxChannelsPerHost);
  }

  public TransportOptions withAuthTimeout(Duration limit) {
    return new TransportOptions(knownHosts, acceptNewHostKeys, connectTimeout, limit, commandTimeout,
        defaultKeyFiles, maxChannelsPerHost);
  }

  public TransportOptions withCommandTimeout(Duration limit) {
    return new TransportOptions(knownHosts, acceptNewHostKeys, connectTimeout, authTimeout, limit,
        defaultKeyFiles, maxChannelsPerHost);
  }

  public TransportOptions withDefaultKeyFiles(List<Path> files) {
    return new TransportOptions(knownHosts, acceptNewHostKeys, connectTimeout, authTimeout, commandTimeout,
        files, maxChannelsPerHost);
  }

  public TransportOptions withMaxChannelsPerHost(int max) {
    return new TransportOptions(knownHosts, acceptNewHostKeys, connectTimeout, authTimeout, commandTimeout,
        defaultKeyFiles, max);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
