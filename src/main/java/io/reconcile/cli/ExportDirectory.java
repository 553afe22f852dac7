package io.reconcile.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Where database rows are exported: --export-dir, else ansible.cfg's [reconcile] export_dir, else STATE_DIR/exports. */
final class ExportDirectory {
  private ExportDirectory() {}

  static Path of(Optional<Path> flag, Optional<Path> configured, Path stateDir) {
    return flag.or(() -> configured).orElse(stateDir.resolve("exports")).toAbsolutePath();
  }
}
