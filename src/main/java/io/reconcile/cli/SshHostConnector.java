package io.reconcile.cli;

import io.reconcile.host.CommandTimeoutException;
import io.reconcile.host.HostShell;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.host.ShellResult;
import io.reconcile.plan.HostConnector;
import io.reconcile.plan.HostTarget;
import io.reconcile.ssh.CommandResult;
import io.reconcile.ssh.HostSession;
import io.reconcile.ssh.RemoteCommand;
import io.reconcile.ssh.SshFailure;
import io.reconcile.ssh.SshFailureException;
import io.reconcile.ssh.SshTarget;
import io.reconcile.ssh.SshTransport;
import io.reconcile.ssh.Tunnel;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hosts reached over SSH, each at its resolved {@link SshTarget}: one session per host per run. Every
 * remote script runs within its own limit, or within {@code commandLimit} when that is shorter.
 */
final class SshHostConnector implements HostConnector {
  private final SshTransport transport;
  private final Map<String, SshTarget> hosts;
  /**
   * What a script gets once the deadline has passed: nothing new starts then, but the observation that
   * records where a host stands after the script the deadline stopped must still run.
   */
  static final Duration AFTER_DEADLINE = Duration.ofSeconds(15);

  private final Optional<Duration> commandLimit;
  private final Optional<Instant> deadline;
  private final Map<String, HostSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, List<Tunnel>> tunnels = new ConcurrentHashMap<>();

  /** @param deadline when the run must be over (--run-timeout): no script runs past it */
  SshHostConnector(SshTransport transport, Map<String, SshTarget> hosts, Optional<Duration> commandLimit,
      Optional<Instant> deadline) {
    this.transport = transport;
    this.hosts = hosts;
    this.commandLimit = commandLimit;
    this.deadline = deadline;
  }

  @Override
  public HostShell open(HostTarget host) {
    HostSession session = session(host);
    return (script, stdin, timeout) -> {
      Duration limit = commandLimit.filter(l -> l.compareTo(timeout) < 0).orElse(timeout);
      Optional<Duration> left = deadline.map(d -> Duration.between(Instant.now(), d))
          .map(l -> l.isNegative() || l.isZero() ? AFTER_DEADLINE : l);
      if (left.isPresent() && left.get().compareTo(limit) < 0) {
        return run(session, script, stdin, left.get(), "remote script (stopped at the run's deadline, --run-timeout)");
      }
      return run(session, script, stdin, limit, "remote script");
    };
  }

  @Override
  public int forward(HostTarget host, String remoteHost, int remotePort) {
    try {
      Tunnel tunnel = session(host).forwardLocal(remoteHost, remotePort);
      tunnels.computeIfAbsent(host.name(), name -> new CopyOnWriteArrayList<>()).add(tunnel);
      return tunnel.localPort();
    } catch (SshFailureException e) {
      throw new HostUnreachableException(e.failure().message(), e);
    }
  }

  /** The host's one session for the run: the shell and every tunnel share it. */
  private HostSession session(HostTarget host) {
    return sessions.computeIfAbsent(host.name(), name -> {
      try {
        return transport.open(hosts.get(name));
      } catch (SshFailureException e) {
        throw new HostUnreachableException(e.failure().message(), e);
      }
    });
  }

  private static ShellResult run(HostSession session, String script, byte[] stdin, Duration timeout, String what) {
    try {
      CommandResult result = session.run(RemoteCommand.of(script).withStdin(stdin).withTimeout(timeout));
      return new ShellResult(result.exitStatus(), result.stdout(), result.stderr());
    } catch (SshFailureException e) {
      SshFailure failure = e.failure();
      if (failure.kind() == SshFailure.Kind.COMMAND_TIMEOUT) {
        throw new CommandTimeoutException(what, timeout);
      }
      if (failure.unreachable()) {
        throw new HostUnreachableException(failure.message(), e);
      }
      throw new IllegalStateException(failure.message(), e);
    }
  }

  @Override
  public void release(HostTarget host) {
    List<Tunnel> opened = tunnels.remove(host.name());
    if (opened != null) {
      opened.forEach(Tunnel::close);
    }
    HostSession session = sessions.remove(host.name());
    if (session != null) {
      session.close();
    }
  }

  @Override
  public void close() {
    tunnels.values().forEach(list -> list.forEach(Tunnel::close));
    sessions.values().forEach(HostSession::close);
    transport.close();
  }
}
