package io.reconcile.fleet;

/** Outcome of a command run on a fleet host (through docker exec or ssh). */
public record CommandResult(int exitCode, String stdout, String stderr) {
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** stdout, or an exception describing the failure (command, exit code, stderr) when it failed. */
  public String stdoutOrThrow(String what) {
    if (!succeeded()) {
      throw new FleetException(what + " failed with exit code " + exitCode + ": " + stderr.strip()
          + (stdout.isBlank() ? "" : " (stdout: " + stdout.strip() + ")"));
    }
    return stdout;
  }
}
