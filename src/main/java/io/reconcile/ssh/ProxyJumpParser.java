package io.reconcile.ssh;

import java.io.IOException;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * Mina's reading of a ProxyJump value ({@code [user@]host[:port]}, comma-separated, each hop resolved through
 * the same client configuration), borrowed from its client: it is a protected step of its connect. This
 * client is never started; it connects nothing.
 */
final class ProxyJumpParser extends SshClient {
  ProxyJumpParser(HostConfigEntryResolver resolver) {
    setHostConfigEntryResolver(resolver);
  }

  /** The hops as written, in the order written, each with its host configuration. */
  List<HostConfigEntry> hops(String proxyJump) throws IOException {
    return parseProxyJumps(proxyJump, null);
  }
}
