package io.reconcile.fleet;

/** A fleet could not be started, inspected or removed; the message says which host and why. */
public final class FleetException extends RuntimeException {
  public FleetException(String message) {
    super(message);
  }

  public FleetException(String message, Throwable cause) {
    super(message, cause);
  }
}
