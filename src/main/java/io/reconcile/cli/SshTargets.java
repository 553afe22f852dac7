package io.reconcile.cli;

import com.google.common.collect.ImmutableMap;
import io.reconcile.inventory.ConnectionSettings;
import io.reconcile.inventory.InventoryHost;
import io.reconcile.ssh.SshClientConfig;
import io.reconcile.ssh.SshOptions;
import io.reconcile.ssh.SshTarget;
import java.util.List;
import java.util.Optional;

/**
 * Where and how to reach each host, with the precedence Ansible gives its ssh connection: the inventory's
 * connection variables, then ansible.cfg's defaults, then the ssh client configuration, then ssh's own
 * defaults; a command-line flag (--known-hosts, --accept-new-host-keys, --connect-timeout) wins over all.
 * Resolved for every host before any is contacted, so a bad value stops the run with exit 65.
 */
final class SshTargets {
  /** Which per-host settings a command-line flag replaces for every host. */
  record Overrides(boolean knownHosts, boolean acceptNewHostKeys, boolean connectTimeout) {}

  private final SshClientConfig config;
  private final ConnectionDefaults defaults;
  private final Overrides overrides;

  SshTargets(SshClientConfig config, ConnectionDefaults defaults, Overrides overrides) {
    this.config = config;
    this.defaults = defaults;
    this.overrides = overrides;
  }

  ImmutableMap<String, SshTarget> of(List<InventoryHost> hosts) {
    return hosts.stream().collect(ImmutableMap.toImmutableMap(InventoryHost::name, this::of));
  }

  SshTarget of(InventoryHost host) {
    ConnectionSettings c = host.connection();
    SshClientConfig.ResolvedHost resolved = config.resolve(c.host(), c.port().or(defaults::port),
        c.user().or(defaults::user), c.proxyJump().or(defaults::proxyJump));
    SshOptions options = flagsWin(resolved.options());
    options = options.withJumps(options.jumps().stream().map(j -> j.withOptions(flagsWin(j.options()))).toList());
    return new SshTarget(host.name(), resolved.hostName(), resolved.port(), resolved.user(),
        c.privateKeyFile().or(defaults::privateKeyFile), c.become(), options);
  }

  private SshOptions flagsWin(SshOptions options) {
    return new SshOptions(options.identityFiles(), options.identitiesOnly(), options.agent(),
        overrides.knownHosts() ? Optional.empty() : options.knownHosts(),
        overrides.acceptNewHostKeys() ? Optional.of(true) : options.acceptNewHostKeys(),
        overrides.connectTimeout() ? Optional.empty() : options.connectTimeout(),
        options.serverAliveInterval(), options.jumps());
  }
}
