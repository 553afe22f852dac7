package io.reconcile.host;

import java.time.Duration;
import java.util.Optional;

/** One thing apply does to a host to remove a drift. Plain values; {@link HostApplier} executes them. */
public sealed interface HostAction {
  /** `name=version` to install, `name` for any version, `name-` to remove; all of a host's in one apt-get run. */
  record PackageChange(String aptArgument) implements HostAction {}

  /**
   * Replace a file atomically (temp file + rename) after saving the old one. A symbolic link at the path
   * is replaced (as a link: never written through) only with {@code replaceLink}; else the write fails.
   */
  record WriteFile(String path, byte[] content, Optional<String> owner, Optional<String> group, Optional<Integer> mode,
      boolean replaceLink) implements HostAction {
    public WriteFile(String path, byte[] content, Optional<String> owner, Optional<String> group,
        Optional<Integer> mode) {
      this(path, content, owner, group, mode, false);
    }
  }

  /** Fix owner, group or mode of a file whose content is right (never of a symbolic link's target). */
  record SetAttributes(String path, Optional<String> owner, Optional<String> group, Optional<Integer> mode)
      implements HostAction {}

  /** Remove a file after saving it. */
  record DeleteFile(String path) implements HostAction {}

  /**
   * `service NAME start|stop|restart|reload` (systemctl on systemd hosts); with {@code listen}, done only
   * once `host:port` accepts connections (a daemon forks before it listens).
   */
  record ServiceControl(String service, String verb, Optional<String> listen) implements HostAction {
    public ServiceControl(String service, String verb) {
      this(service, verb, Optional.empty());
    }
  }

  /** Start at boot or not (update-rc.d, or systemctl enable/disable). */
  record ServiceBoot(String service, boolean enabled) implements HostAction {}

  /** A declared command. */
  record RunCommand(String command, Duration timeout) implements HostAction {}
}
