package io.reconcile.resource.file;

import static io.reconcile.ssh.ShellQuote.quote;


/** Remove a file after saving it. */
public record DeleteFile(String path) implements FileAction {
  /**
   * The file moves into the backup directory: removed and kept in one rename. When the run already keeps
   * a backup of it, that one is the original and the file only goes.
   */
  @Override
  public String script(String backupDir) {
    return "set -e\np=" + quote(path) + "; b=" + quote(backupDir + path) + "\n"
        + "if [ -e \"$b\" ]; then rm -f -- \"$p\"; exit 0; fi\n"
        + FileScripts.BACKUP_DIR + "\nmv -f -- \"$p\" \"$b\"\necho \"backup $b\" >&3\n";
  }

  @Override
  public String description() {
    return "remove " + path;
  }
}
