package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one host beyond address and user, as OpenSSH's client configuration says it (IdentityFile,
 * IdentitiesOnly, IdentityAgent, UserKnownHostsFile, StrictHostKeyChecking, ConnectTimeout,
 * ServerAliveInterval, ProxyJump). Empty values mean the run's {@link TransportOptions}.
 *
 * @param identityFiles key files tried after the target's own key; missing ones are skipped, as ssh does
 * @param identitiesOnly use only keys of these files (and the target's key), also among the agent's keys
 * @param agent the ssh-agent socket; empty: no agent
 * @param knownHosts known_hosts file for this host
 * @param acceptNewHostKeys {@code StrictHostKeyChecking accept-new} (true) or {@code yes} (false)
 * @param connectTimeout limit for the TCP connect and again for the handshake and login
 * @param serverAliveInterval keepalive interval while the session is idle
 * @param jumps bastions in connection order (ssh's ProxyJump): the first is reached directly, each next one
 *     through the one before it, and the host through the last
 */
public record SshOptions(
    ImmutableList<Path> identityFiles,
    boolean identitiesOnly,
    Optional<Path> agent,
    Optional<Path> knownHosts,
    Optional<Boolean> acceptNewHostKeys,
    Optional<Duration> connectTimeout,
    Optional<Duration> serverAliveInterval,
    ImmutableList<SshTarget> jumps) {

  /** The run's defaults for everything, no agent, no bastion. */
  public static final SshOptions NONE = new SshOptions(List.of(), false, Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public SshOptions(List<Path> identityFiles, boolean identitiesOnly, Optional<Path> agent, Optional<Path> knownHosts,
      Optional<Boolean> acceptNewHostKeys, Optional<Duration> connectTimeout, Optional<Duration> serverAliveInterval,
      List<SshTarget> jumps) {
    this(ImmutableList.copyOf(identityFiles), identitiesOnly, agent, knownHosts, acceptNewHostKeys, connectTimeout,
        serverAliveInterval, ImmutableList.copyOf(jumps));
  }

  public SshOptions {
    Objects.requireNonNull(identityFiles, "identityFiles");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(acceptNewHostKeys, "acceptNewHostKeys");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(serverAliveInterval, "serverAliveInterval");
    Objects.requireNonNull(jumps, "jumps");
    if (jumps.stream().anyMatch(j -> !j.options().jumps().isEmpty())) {
      throw new IllegalArgumentException("a bastion's own bastions belong in the chain, in connection order");
    }
  }

  public SshOptions withAgent(Optional<Path> socket) {
    return new SshOptions(identityFiles, identitiesOnly, socket, knownHosts, acceptNewHostKeys, connectTimeout,
        serverAliveInterval, jumps);
  }

  public SshOptions withJumps(List<SshTarget> bastions) {
    return new SshOptions(identityFiles, identitiesOnly, agent, knownHosts, acceptNewHostKeys, connectTimeout,
        serverAliveInterval, ImmutableList.copyOf(bastions));
  }
}
