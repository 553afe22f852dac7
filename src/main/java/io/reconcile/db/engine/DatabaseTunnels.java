package io.reconcile.db.engine;

/** Local ends of port forwards to databases through a host's SSH session, so a database port is never exposed. */
@FunctionalInterface
public interface DatabaseTunnels {
  /** A 127.0.0.1 port that reaches {@code remoteHost:remotePort} as seen from the host. */
  int localPortFor(String remoteHost, int remotePort);
}
