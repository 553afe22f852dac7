package io.reconcile.state;

import java.util.Optional;

/** An init service running or stopped, enabled at boot or not (sysvinit `service`/update-rc.d or systemd). */
public record ServiceSpec(String name, Optional<Running> state, Optional<Boolean> enabled) implements ResourceSpec {
  public enum Running {
    RUNNING,
    STOPPED
  }
}
