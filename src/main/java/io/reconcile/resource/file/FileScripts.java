package io.reconcile.resource.file;

import java.util.Optional;

/** Shell text the file actions share. */
final class FileScripts {
  /**
   * Creates the directory of backup {@code $b} for root only: backups keep the old file's mode, and an
   * old file that was world-readable may hold secrets that the new one protects.
   */
  static final String BACKUP_DIR = "(umask 077 && mkdir -p -- \"$(dirname -- \"$b\")\")";

  /** A path that became a symbolic link since it was observed is not written through, nor chowned or chmodded. */
  static final String NOT_A_LINK =
      "if [ -L \"$p\" ]; then echo \"$p is a symbolic link (to $(readlink -- \"$p\")): not followed\" >&2;"
          + " exit 1; fi\n";

  private FileScripts() {}

  /** `owner:group`, `owner` or `:group` for chown; empty when neither is declared. */
  static Optional<String> ownership(Optional<String> owner, Optional<String> group) {
    if (owner.isEmpty() && group.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(owner.orElse("") + group.map(g -> ":" + g).orElse(""));
  }
}
