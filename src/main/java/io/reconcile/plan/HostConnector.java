package io.reconcile.plan;

import io.reconcile.host.HostShell;

/** Opens the one shell session a host gets for the whole run (SSH in production). */
public interface HostConnector extends AutoCloseable {
  /** @throws io.reconcile.host.HostUnreachableException when the host cannot be reached */
  HostShell open(HostTarget host);

  @Override
  void close();
}
