package io.reconcile.plan;

import io.reconcile.host.HostShell;

/** Opens the one session a host gets for the whole run (SSH in production), and tunnels through it. */
public interface HostConnector extends AutoCloseable {
  /** @throws io.reconcile.host.HostUnreachableException when the host cannot be reached */
  HostShell open(HostTarget host);

  /**
   * A local 127.0.0.1 port forwarded through the host's session to {@code remoteHost:remotePort} as the
   * host sees it; open until the connector closes.
   *
   * @throws io.reconcile.host.HostUnreachableException when the host cannot be reached
   */
  int forward(HostTarget host, String remoteHost, int remotePort);

  /**
   * Ends what the run opened for the host (its session, its tunnels) once nothing more will be asked of
   * it; a later {@link #open} would connect again. Without it, a check of N hosts kept N sessions open to
   * the end (memory, and a server process on every host).
   */
  default void release(HostTarget host) {}

  @Override
  void close();
}
