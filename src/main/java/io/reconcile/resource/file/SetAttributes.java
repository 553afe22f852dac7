package io.reconcile.resource.file;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.Optional;

/** Fix owner, group or mode of a file whose content is right (never of a symbolic link's target). */
public record SetAttributes(String path, Optional<String> owner, Optional<String> group, Optional<Integer> mode)
    implements FileAction {
  @Override
  public String script(String backupDir) {
    StringBuilder s = new StringBuilder("set -e\np=").append(quote(path)).append('\n').append(FileScripts.NOT_A_LINK);
    FileScripts.ownership(owner, group)
        .ifPresent(o -> s.append("chown -h ").append(quote(o)).append(" -- ").append(quote(path)).append('\n'));
    mode.ifPresent(m -> s.append("chmod ").append(String.format("%04o", m)).append(" -- ").append(quote(path))
        .append('\n'));
    return s.toString();
  }

  @Override
  public String description() {
    return "chown/chmod " + path;
  }
}
