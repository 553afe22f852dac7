package io.reconcile.fleet;

import io.reconcile.ssh.CommandResult;

/** A fleet could not be started, inspected or removed; the message says which host and why. */
public final class FleetException extends RuntimeException {
  public FleetException(String message) {
    super(message);
  }

  public FleetException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The command's stdout; when it failed, this exception naming {@code what}, its exit status and its output. */
  public static String stdoutOrThrow(CommandResult result, String what) {
    if (!result.succeeded()) {
      String stdout = result.stdoutText().strip();
      throw new FleetException(what + " failed with exit status " + result.exitStatus() + ": "
          + result.stderrText().strip() + (stdout.isEmpty() ? "" : " (stdout: " + stdout + ")"));
    }
    return result.stdoutText();
  }
}
