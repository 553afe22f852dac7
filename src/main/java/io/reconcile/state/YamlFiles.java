package io.reconcile.state;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads a YAML file into a {@link YamlMap}, bounded against alias bombs, deep nesting and huge input. */
final class YamlFiles {
  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 40;
  static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  private YamlFiles() {}

  static YamlMap read(Path path, String displayName) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    StreamReader stream = null;
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      stream = new StreamReader(reader);
      Node root = new Composer(new ParserImpl(stream, options), new Resolver(), options).getSingleNode();
      if (root == null) {
        throw new InvalidInputException(displayName, 0, "empty state file");
      }
      return YamlMap.of(displayName, root, "a state file");
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      throw new InvalidInputException(displayName, line, "invalid YAML: " + firstLine(e.getProblem()));
    } catch (YAMLException e) {
      // A limit (aliases, depth, size) has no mark of its own: name the line where reading stopped.
      int line = stream == null ? 0 : stream.getLine() + 1;
      throw new InvalidInputException(displayName, line, "invalid YAML: " + firstLine(e.getMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(displayName, 0, "cannot read: " + e.getMessage());
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed document";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
