package io.reconcile.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** What a finished remote command returned. A non-zero exit status is a result, not a failure of the transport. */
public record CommandResult(int exitStatus, byte[] stdout, byte[] stderr) {
  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  public boolean succeeded() {
    return exitStatus == 0;
  }

  /** Stdout decoded as UTF-8. */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** Stderr decoded as UTF-8. */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  // Records compare arrays by identity; results are compared by content.
  @Override
  public boolean equals(Object other) {
    return other instanceof CommandResult that
        && exitStatus == that.exitStatus
        && Arrays.equals(stdout, that.stdout)
        && Arrays.equals(stderr, that.stderr);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * exitStatus + Arrays.hashCode(stdout)) + Arrays.hashCode(stderr);
  }

  @Override
  public String toString() {
    return "CommandResult[exitStatus=" + exitStatus + ", stdout=" + stdout.length + " bytes, stderr="
        + stderr.length + " bytes]";
  }
}
