package io.reconcile.resource.service;

import io.reconcile.state.ResourceSpec;

import java.util.Optional;

/**
 * An init service running or stopped, enabled at boot or not (sysvinit `service`/update-rc.d or systemd),
 * and, when running, accepting connections on {@code listen} (`host:port`, e.g. memcached on
 * 127.0.0.1:11211): a service that runs but does not answer is restarted.
 */
public record ServiceSpec(String name, Optional<Running> state, Optional<Boolean> enabled, Optional<String> listen)
    implements ResourceSpec {
  public enum Running {
    RUNNING,
    STOPPED
  }
}
