package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where states and templates live; lists state files in name order and checks template references. */
public record StateFiles(Path statesDir, Path templatesDir) {

  ImmutableList<Path> stateFiles() {
    if (!Files.isDirectory(statesDir)) {
      throw new InvalidInputException(statesDir.toString(), 0, "states directory not found");
    }
    try (Stream<Path> files = Files.list(statesDir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new InvalidInputException(statesDir.toString(), 0, "cannot list states: " + e.getMessage());
    }
  }

  public void requireTemplate(YamlMap map, String name) {
    Path template = templatesDir.resolve(name).normalize();
    if (!template.startsWith(templatesDir.normalize()) || name.startsWith("/")) {
      throw map.error("template", "template '" + name + "' must be a path inside " + templatesDir);
    }
    if (!Files.isRegularFile(template)) {
      throw map.error("template", "template '" + name + "' not found in " + templatesDir);
    }
  }
}
