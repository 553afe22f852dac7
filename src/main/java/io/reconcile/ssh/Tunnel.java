package io.reconcile.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;

/** A local port on 127.0.0.1 whose connections go through a host's SSH session to a remote address. */
public final class Tunnel implements AutoCloseable {
  private final ExplicitPortForwardingTracker tracker;
  private final String remoteHost;
  private final int remotePort;

  Tunnel(ExplicitPortForwardingTracker tracker, String remoteHost, int remotePort) {
    this.tracker = tracker;
    this.remoteHost = remoteHost;
    this.remotePort = remotePort;
  }

  /** Always the loopback address: the tunnel is never reachable from other machines. */
  public String localHost() {
    return "127.0.0.1";
  }

  public int localPort() {
    return tracker.getBoundAddress().getPort();
  }

  public String remoteHost() {
    return remoteHost;
  }

  public int remotePort() {
    return remotePort;
  }

  /** Stops listening on the local port. */
  @Override
  public void close() {
    try {
      tracker.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close tunnel to " + remoteHost + ":" + remotePort, e);
    }
  }
}
