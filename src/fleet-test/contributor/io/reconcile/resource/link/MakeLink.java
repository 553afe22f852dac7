package io.reconcile.resource.link;

import static io.reconcile.ssh.ShellQuote.quote;

import io.reconcile.host.ScriptAction;
import io.reconcile.host.Touches;
import java.time.Duration;

/** Points the link at its target; a link that pointed elsewhere is kept in the backup first. */
record MakeLink(String path, String target) implements ScriptAction {
  @Override
  public String script(String backupDir) {
    return "set -e\np=" + quote(path) + "; b=" + quote(backupDir + path) + "\n"
        + "if [ -e \"$p\" ] && [ ! -L \"$p\" ]; then echo \"$p is not a symbolic link\" >&2; exit 1; fi\n"
        + "if [ -L \"$p\" ] && [ ! -e \"$b\" ] && [ ! -L \"$b\" ]; then\n"
        + "  (umask 077 && mkdir -p -- \"$(dirname -- \"$b\")\"); cp -P -- \"$p\" \"$b\"; echo \"backup $b\" >&3\n"
        + "fi\n"
        + "mkdir -p -- \"$(dirname -- \"$p\")\"\n"
        + "ln -sfn -- " + quote(target) + " \"$p\"\n";
  }

  @Override
  public String description() {
    return "link " + path;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Touches touches() {
    return new Touches.File(path);
  }
}
