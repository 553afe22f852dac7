package io.reconcile.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where states and templates are when the flags do not say: `states/` and `templates/` of the
 * inventory's project (the nearest directory above the inventory that has `states/`), or else of the
 * current directory.
 */
record ProjectLayout(Path states, Path templates) {
  static ProjectLayout resolve(Path inventory, Optional<Path> states, Optional<Path> templates) {
    Path project = projectOf(inventory.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    return new ProjectLayout(states.orElse(project.resolve("states")), templates.orElse(project.resolve("templates")));
  }

  private static Optional<Path> projectOf(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("states"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
