package io.reconcile.host;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.List;
import java.util.Optional;

/** The shell text of each {@link HostAction}; every value goes in quoted, as data. */
final class ActionScripts {
  /**
   * Creates the directory of backup {@code $b} for root only: backups keep the old file's mode, and an
   * old file that was world-readable may hold secrets that the new one protects.
   */
  private static final String BACKUP_DIR = "(umask 077 && mkdir -p -- \"$(dirname -- \"$b\")\")";

  /** A path that became a symbolic link since it was observed is not written through, nor chowned or chmodded. */
  private static final String NOT_A_LINK =
      "if [ -L \"$p\" ]; then echo \"$p is a symbolic link (to $(readlink -- \"$p\")): not followed\" >&2;"
          + " exit 1; fi\n";

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

  /**
   * The content is the next {@code content.length} bytes of stdin (a batch carries several files there);
   * fewer means the input was cut short, and the file is left as it was. The old file is copied to
   * {@code backup} before the rename, unless the run already keeps one: a file written twice in a run
   * (settings, then finish) keeps what the operator had, not the run's own intermediate version. Backup
   * paths are printed on fd 3, once.
   */
  static String writeFile(HostAction.WriteFile write, String backup) {
    int length = write.content().length;
    StringBuilder s = new StringBuilder("set -e\n")
        .append("p=").append(quote(write.path())).append("; b=").append(quote(backup)).append('\n')
        .append(write.replaceLink() ? "" : NOT_A_LINK)
        .append("if [ -d \"$p\" ] && [ ! -L \"$p\" ]; then echo \"$p is a directory\" >&2; exit 1; fi\n")
        .append("d=$(dirname -- \"$p\"); mkdir -p -- \"$d\"\n")
        .append("t=$(mktemp -- \"$d/.reconcile.XXXXXX\")\n")
        .append("trap 'rm -f -- \"$t\"' EXIT\n")
        .append("head -c ").append(length).append(" > \"$t\"\n")
        .append("[ \"$(stat -c %s -- \"$t\")\" -eq ").append(length)
        .append(" ] || { echo \"the content of $p was cut short in transit\" >&2; exit 1; }\n");
    ownership(write.owner(), write.group()).ifPresent(o -> s.append("chown ").append(quote(o)).append(" \"$t\"\n"));
    s.append("chmod ").append(String.format("%04o", write.mode().orElse(0644))).append(" \"$t\"\n")
        .append("sync -- \"$t\" 2>/dev/null || true\n")
        .append("if [ -e \"$p\" ] && [ ! -e \"$b\" ]; then ").append(BACKUP_DIR)
        .append("; cp -P -p -- \"$p\" \"$b\"; echo \"backup $b\" >&3; fi\n")
        .append("mv -f -- \"$t\" \"$p\"\n")
        .append("trap - EXIT\n");
    return s.toString();
  }

  static String setAttributes(HostAction.SetAttributes attributes) {
    StringBuilder s = new StringBuilder("set -e\np=").append(quote(attributes.path())).append('\n').append(NOT_A_LINK);
    ownership(attributes.owner(), attributes.group())
        .ifPresent(o -> s.append("chown -h ").append(quote(o)).append(" -- ").append(quote(attributes.path()))
            .append('\n'));
    attributes.mode().ifPresent(m -> s.append("chmod ").append(String.format("%04o", m)).append(" -- ").append(quote(attributes.path())).append('\n'));
    return s.toString();
  }

  /**
   * The file moves into the backup directory: removed and kept in one rename (its path printed on fd 3).
   * When the run already keeps a backup of it, that one is the original and the file only goes.
   */
  static String deleteFile(HostAction.DeleteFile delete, String backup) {
    return "set -e\np=" + quote(delete.path()) + "; b=" + quote(backup) + "\n"
        + "if [ -e \"$b\" ]; then rm -f -- \"$p\"; exit 0; fi\n"
        + BACKUP_DIR + "\nmv -f -- \"$p\" \"$b\"\necho \"backup $b\" >&3\n";
  }

  /** Seconds a started service gets to accept connections on its declared port. */
  static final int LISTEN_WAIT_SECONDS = 10;

  static String serviceControl(HostAction.ServiceControl control) {
    String name = quote(control.service());
    String script = "set -e\nif [ -d /run/systemd/system ]; then systemctl " + control.verb() + " -- " + name
        + "; else service " + name + " " + control.verb() + "; fi\n";
    return control.listen().map(listen -> script
        + "p=" + quote(listen) + "; i=0\n"
        + "until timeout 2 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"${p%:*}\" \"${p##*:}\" 2>/dev/null; do\n"
        + "  i=$((i+1)); [ $i -le " + LISTEN_WAIT_SECONDS * 10 + " ] || { echo \"not accepting connections on $p\" >&2; exit 1; }; sleep 0.1\n"
        + "done\n").orElse(script);
  }

  static String serviceBoot(HostAction.ServiceBoot boot) {
    String name = quote(boot.service());
    String systemd = "systemctl " + (boot.enabled() ? "enable" : "disable") + " -- " + name;
    String sysv = boot.enabled()
        ? "update-rc.d " + name + " defaults && update-rc.d " + name + " enable"
        : "update-rc.d " + name + " disable";
    return "set -e\nif [ -d /run/systemd/system ]; then " + systemd + "; else " + sysv + "; fi\n";
  }

  static String command(HostAction.RunCommand run) {
    return "sh -c " + quote(run.command()) + " </dev/null\n";
  }

  private static Optional<String> ownership(Optional<String> owner, Optional<String> group) {
    if (owner.isEmpty() && group.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(owner.orElse("") + group.map(g -> ":" + g).orElse(""));
  }
}
