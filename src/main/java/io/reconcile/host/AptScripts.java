package io.reconcile.host;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.List;

/** The shell text of a phase's package changes; every value goes in quoted, as data. */
final class AptScripts {
  /**
   * All package changes in one apt-get run. Another apt/dpkg holding the lock is waited for up to
   * {@code lockWaitSeconds}, then the run fails naming the lock (and is not retried: an update cannot
   * cure a held lock, and a retry would double the wait the operator asked for).
   */
  static String packages(List<String> aptArguments, long lockWaitSeconds) {
    StringBuilder args = new StringBuilder();
    aptArguments.forEach(a -> args.append(' ').append(quote(a)));
    String lock = " -o DPkg::Lock::Timeout=" + lockWaitSeconds;
    return "export DEBIAN_FRONTEND=noninteractive\n"
        + "i() { apt-get -q -y" + lock
        + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --allow-downgrades install" + args + "; }\n"
        + "e=$(mktemp) || exit 1; trap 'rm -f -- \"$e\"' EXIT\n"
        + "i 2>\"$e\" && exit 0\n"
        + "cat -- \"$e\" >&2\n"
        + "if grep -q /var/lib/dpkg/lock -- \"$e\"; then\n"
        + "  echo \"another process held the dpkg lock for more than " + lockWaitSeconds + " s; nothing was installed\" >&2; exit 100\n"
        + "fi\n"
        // A version missing from stale package lists is the one failure an update can cure.
        + "apt-get -q" + lock + " update && i\n";
  }

  /**
   * The packages of a later apt-get run, into the apt cache only (`--download-only`): nothing is unpacked,
   * configured or restarted. The dpkg lock is waited for as by {@link #packages}; apt's output goes to stderr.
   */
  static String download(List<String> aptArguments, long lockWaitSeconds) {
    StringBuilder args = new StringBuilder();
    aptArguments.forEach(a -> args.append(' ').append(quote(a)));
    return "export DEBIAN_FRONTEND=noninteractive\n"
        + "apt-get -q -y -o DPkg::Lock::Timeout=" + lockWaitSeconds + " --allow-downgrades --download-only install"
        + args + " >&2\n";
  }

}
