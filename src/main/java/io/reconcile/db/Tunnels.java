package io.reconcile.db;

/** Local ends of port forwards through a host's SSH session, so a database port is never exposed. */
@FunctionalInterface
public interface Tunnels {
  /** A 127.0.0.1 port that reaches {@code remoteHost:remotePort} as seen from the host. */
  int localPortFor(String remoteHost, int remotePort);
}
