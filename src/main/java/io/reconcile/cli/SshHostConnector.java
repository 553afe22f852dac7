package io.reconcile.cli;

import io.reconcile.host.CommandTimeoutException;
import io.reconcile.host.HostShell;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.host.ShellResult;
import io.reconcile.inventory.ConnectionSettings;
import io.reconcile.inventory.InventoryHost;
import io.reconcile.plan.HostConnector;
import io.reconcile.plan.HostTarget;
import io.reconcile.ssh.CommandResult;
import io.reconcile.ssh.HostSession;
import io.reconcile.ssh.RemoteCommand;
import io.reconcile.ssh.SshFailure;
import io.reconcile.ssh.SshFailureException;
import io.reconcile.ssh.SshTarget;
import io.reconcile.ssh.SshTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hosts reached over SSH with the inventory's connection variables: one session per host per run. */
final class SshHostConnector implements HostConnector {
  private final SshTransport transport;
  private final Map<String, InventoryHost> hosts;
  private final List<HostSession> sessions = new CopyOnWriteArrayList<>();

  SshHostConnector(SshTransport transport, Map<String, InventoryHost> hosts) {
    this.transport = transport;
    this.hosts = hosts;
  }

  @Override
  public HostShell open(HostTarget host) {
    ConnectionSettings c = hosts.get(host.name()).connection();
    try {
      HostSession session = transport.open(new SshTarget(host.name(), c.host(), c.port(), c.user(), c.privateKeyFile(), c.become()));
      sessions.add(session);
      return (script, stdin, timeout) -> run(session, script, stdin, timeout);
    } catch (SshFailureException e) {
      throw new HostUnreachableException(e.failure().message(), e);
    }
  }

  private static ShellResult run(HostSession session, String script, byte[] stdin, Duration timeout) {
    try {
      CommandResult result = session.run(RemoteCommand.of(script).withStdin(stdin).withTimeout(timeout));
      return new ShellResult(result.exitStatus(), result.stdout(), result.stderr());
    } catch (SshFailureException e) {
      SshFailure failure = e.failure();
      if (failure.kind() == SshFailure.Kind.COMMAND_TIMEOUT) {
        throw new CommandTimeoutException("remote script", timeout);
      }
      if (failure.unreachable()) {
        throw new HostUnreachableException(failure.message(), e);
      }
      throw new IllegalStateException(failure.message(), e);
    }
  }

  @Override
  public void close() {
    sessions.forEach(HostSession::close);
    transport.close();
  }
}
