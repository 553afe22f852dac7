package io.reconcile.resource.file;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.Optional;

/**
 * Replace a file atomically (temp file + rename) after saving the old one. A symbolic link at the path
 * is replaced (as a link: never written through) only with {@code replaceLink}; else the write fails.
 */
public record WriteFile(String path, byte[] content, Optional<String> owner, Optional<String> group,
    Optional<Integer> mode, boolean replaceLink) implements FileAction {
  public WriteFile(String path, byte[] content, Optional<String> owner, Optional<String> group,
      Optional<Integer> mode) {
    this(path, content, owner, group, mode, false);
  }

  /**
   * The content is the next {@code content.length} bytes of stdin (a batch carries several files there);
   * fewer means the input was cut short, and the file is left as it was. The old file is copied to the
   * backup before the rename, unless the run already keeps one: a file written twice in a run (settings,
   * then finish) keeps what the operator had, not the run's own intermediate version.
   */
  @Override
  public String script(String backupDir) {
    int length = content.length;
    StringBuilder s = new StringBuilder("set -e\n")
        .append("p=").append(quote(path)).append("; b=").append(quote(backupDir + path)).append('\n')
        .append(replaceLink ? "" : FileScripts.NOT_A_LINK)
        .append("if [ -d \"$p\" ] && [ ! -L \"$p\" ]; then echo \"$p is a directory\" >&2; exit 1; fi\n")
        .append("d=$(dirname -- \"$p\"); mkdir -p -- \"$d\"\n")
        .append("t=$(mktemp -- \"$d/.reconcile.XXXXXX\")\n")
        .append("trap 'rm -f -- \"$t\"' EXIT\n")
        .append("head -c ").append(length).append(" > \"$t\"\n")
        .append("[ \"$(stat -c %s -- \"$t\")\" -eq ").append(length)
        .append(" ] || { echo \"the content of $p was cut short in transit\" >&2; exit 1; }\n");
    FileScripts.ownership(owner, group).ifPresent(o -> s.append("chown ").append(quote(o)).append(" \"$t\"\n"));
    s.append("chmod ").append(String.format("%04o", mode.orElse(0644))).append(" \"$t\"\n")
        .append("sync -- \"$t\" 2>/dev/null || true\n")
        .append("if [ -e \"$p\" ] && [ ! -e \"$b\" ]; then ").append(FileScripts.BACKUP_DIR)
        .append("; cp -P -p -- \"$p\" \"$b\"; echo \"backup $b\" >&3; fi\n")
        .append("mv -f -- \"$t\" \"$p\"\n")
        .append("trap - EXIT\n");
    return s.toString();
  }

  @Override
  public String description() {
    return "write " + path;
  }

  @Override
  public byte[] stdin() {
    return content;
  }
}
