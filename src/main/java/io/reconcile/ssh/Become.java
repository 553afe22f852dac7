package io.reconcile.ssh;

/** Ansible's {@code ansible_become} with the sudo method: run a command as root without a password prompt. */
public final class Become {
  private Become() {}

  /**
   * {@code sudo -n -- sh -c '<command>'}: {@code -n} fails at once instead of waiting for a password that
   * nobody will type; {@code sh -c} keeps pipes, redirections and {@code ;} of the command under root.
   */
  public static String wrap(String command) {
    return "sudo -n -- sh -c " + ShellQuote.quote(command);
  }
}
