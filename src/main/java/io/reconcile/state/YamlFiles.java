package io.reconcile.state;

import io.reconcile.input.YamlDocuments;
import java.nio.file.Path;

/** Reads a state file into a {@link YamlMap} (bounded as {@link YamlDocuments} reads every YAML file). */
final class YamlFiles {
  private YamlFiles() {}

  static YamlMap read(Path path, String displayName) {
    return YamlMap.of(displayName, YamlDocuments.compose(path, displayName, "state file"), "a state file");
  }
}
