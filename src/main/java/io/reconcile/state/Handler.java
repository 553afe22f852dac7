package io.reconcile.state;

import java.util.Optional;

/**
 * Runs once per host at the end of a phase when a resource that notifies it changed there: a service
 * restart/reload, or a command.
 */
public record Handler(String id, Optional<String> service, String action, Optional<String> command, Location location) {
  public static Handler serviceAction(String id, String service, String action, Location location) {
    return new Handler(id, Optional.of(service), action, Optional.empty(), location);
  }

  public static Handler command(String id, String command, Location location) {
    return new Handler(id, Optional.empty(), "run", Optional.of(command), location);
  }
}
