package io.reconcile.cli;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The default state directory (run history), by the conventions of where it runs: the flag, then
 * $RECONCILE_STATE_DIR, then /var/lib/reconcile for root (a system cron job or timer), else the XDG
 * state directory of the user ($XDG_STATE_HOME, by default ~/.local/state) + /reconcile.
 */
final class StateDirectory {
  static final String ENV = "RECONCILE_STATE_DIR";

  private StateDirectory() {}

  static Path resolve(Optional<Path> flag, Map<String, String> env, boolean root) {
    if (flag.isPresent()) {
      return flag.get();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    if (root) {
      return Path.of("/var/lib/reconcile");
    }
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec says to ignore relative paths
      return Path.of(xdg, "reconcile");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "reconcile");
  }

  static boolean runningAsRoot() {
    return new UnixSystem().getUid() == 0;
  }
}
