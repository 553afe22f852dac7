package io.reconcile.host;

import java.time.Duration;

/**
 * Runs a POSIX shell script on one host and returns its result. Over SSH in production (one session
 * per host, a channel per call); a local /bin/sh in tests of the scripts themselves.
 */
public interface HostShell {
  /**
   * @throws HostUnreachableException when the host cannot be reached or the connection broke
   * @throws CommandTimeoutException when the script ran longer than {@code timeout}
   */
  ShellResult run(String script, byte[] stdin, Duration timeout);
}
