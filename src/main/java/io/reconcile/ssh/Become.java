package io.reconcile.ssh;

import java.time.Duration;

/** Ansible's {@code ansible_become} with the sudo method: run a command as root without a password prompt. */
public final class Become {
  /** After the host's limit: how long the command may take to die of TERM before the host's timeout sends KILL. */
  private static final long KILL_AFTER_SECONDS = 2;

  private Become() {}

  /**
   * {@code sudo -n -- timeout -k 2 SECONDS sh -c '<command>'}: {@code -n} fails at once instead of waiting
   * for a password that nobody will type; {@code sh -c} keeps pipes, redirections and {@code ;} of the
   * command under root. {@code timeout} (coreutils) runs as root: sudo starts the command in a session of
   * its own that the client's "signal" requests cannot reach, so without it a command that timed out would
   * keep running on the host. Its limit is a second past the client's, so the client still decides that
   * the command timed out; it signals the command's whole process group (apt and the dpkg it started).
   */
  public static String wrap(String command, Duration limit) {
    long seconds = (limit.toMillis() + 999) / 1000 + 1;
    return "sudo -n -- timeout -k " + KILL_AFTER_SECONDS + " " + seconds + " sh -c " + ShellQuote.quote(command);
  }
}
