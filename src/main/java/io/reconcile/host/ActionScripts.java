package io.reconcile.host;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.List;
import java.util.Optional;

/** The shell text of each {@link HostAction}; every value goes in quoted, as data. */
final class ActionScripts {
  /** Bounded wait for another apt/dpkg holding the lock, then apt fails naming the lock. */
  static final int DPKG_LOCK_WAIT_SECONDS = 120;

  private ActionScripts() {}

  static String packages(List<String> aptArguments) {
    StringBuilder args = new StringBuilder();
    aptArguments.forEach(a -> args.append(' ').append(quote(a)));
    return "export DEBIAN_FRONTEND=noninteractive\n"
        + "i() { apt-get -q -y -o DPkg::Lock::Timeout=" + DPKG_LOCK_WAIT_SECONDS
        + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --allow-downgrades install" + args + "; }\n"
        // A version missing from stale package lists is the one failure an update can cure.
        + "i || { apt-get -q -o DPkg::Lock::Timeout=" + DPKG_LOCK_WAIT_SECONDS + " update && i; }\n";
  }

  /** Content arrives on stdin; the old file is copied to {@code backup} before the rename. */
  static String writeFile(HostAction.WriteFile write, String backup) {
    StringBuilder s = new StringBuilder("set -e\n")
        .append("p=").append(quote(write.path())).append("; b=").append(quote(backup)).append('\n')
        .append("if [ -d \"$p\" ]; then echo \"$p is a directory\" >&2; exit 1; fi\n")
        .append("d=$(dirname -- \"$p\"); mkdir -p -- \"$d\"\n")
        .append("t=$(mktemp -- \"$d/.reconcile.XXXXXX\")\n")
        .append("trap 'rm -f -- \"$t\"' EXIT\n")
        .append("cat > \"$t\"\n");
    ownership(write.owner(), write.group()).ifPresent(o -> s.append("chown ").append(quote(o)).append(" \"$t\"\n"));
    s.append("chmod ").append(String.format("%04o", write.mode().orElse(0644))).append(" \"$t\"\n")
        .append("sync -- \"$t\" 2>/dev/null || true\n")
        .append("if [ -e \"$p\" ]; then mkdir -p -- \"$(dirname -- \"$b\")\"; cp -p -- \"$p\" \"$b\"; echo \"backup $b\"; fi\n")
        .append("mv -f -- \"$t\" \"$p\"\n")
        .append("trap - EXIT\n");
    return s.toString();
  }

  static String setAttributes(HostAction.SetAttributes attributes) {
    StringBuilder s = new StringBuilder("set -e\n");
    ownership(attributes.owner(), attributes.group())
        .ifPresent(o -> s.append("chown ").append(quote(o)).append(" -- ").append(quote(attributes.path())).append('\n'));
    attributes.mode().ifPresent(m -> s.append("chmod ").append(String.format("%04o", m)).append(" -- ").append(quote(attributes.path())).append('\n'));
    return s.toString();
  }

  /** The file moves into the backup directory: removed and kept in one rename. */
  static String deleteFile(HostAction.DeleteFile delete, String backup) {
    return "set -e\np=" + quote(delete.path()) + "; b=" + quote(backup) + "\n"
        + "mkdir -p -- \"$(dirname -- \"$b\")\"\nmv -f -- \"$p\" \"$b\"\necho \"backup $b\"\n";
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
