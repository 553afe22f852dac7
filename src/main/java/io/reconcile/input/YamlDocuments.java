package io.reconcile.input;

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

/**
 * Reads an operator's YAML file (states, inventories) as SnakeYAML's node tree, which keeps the line of
 * every node, bounded against alias bombs, deep nesting and huge input; duplicate keys are errors.
 */
public final class YamlDocuments {
  public static final int MAX_ALIASES = 50;
  public static final int MAX_DEPTH = 40;
  public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  private YamlDocuments() {}

  /**
   * The document's root node.
   *
   * @param what what the file is, for the message when it is empty ("state file", "inventory")
   */
  public static Node compose(Path path, String displayName, String what) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    StreamReader stream = null;
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      requireWithinLimit(path, displayName);
      stream = new StreamReader(reader);
      Node root = new Composer(new ParserImpl(stream, options), new Resolver(), options).getSingleNode();
      if (root == null) {
        throw new InvalidInputException(displayName, 0, "empty " + what);
      }
      return root;
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

  /**
   * Refuses a document of more than {@link #MAX_CODE_POINTS} code points before SnakeYAML reads it: SnakeYAML
   * enforces the same limit, but its scanner takes seconds (quadratic) to get there inside one long scalar.
   */
  private static void requireWithinLimit(Path path, String displayName) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      char[] buffer = new char[8192];
      long codePoints = 0;
      int line = 1;
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          codePoints += Character.isLowSurrogate(buffer[i]) ? 0 : 1; // a surrogate pair is one code point
          if (codePoints > MAX_CODE_POINTS) {
            throw new InvalidInputException(displayName, line, "invalid YAML: The incoming YAML document exceeds the"
                + " limit: " + MAX_CODE_POINTS + " code points.");
          }
          line += buffer[i] == '\n' ? 1 : 0;
        }
      }
    }
  }

  /** The line (1-based) where a node starts; 0 when unknown. */
  public static int lineOf(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed document";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
