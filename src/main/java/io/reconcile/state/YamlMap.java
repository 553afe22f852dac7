package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.input.InvalidInputException;
import io.reconcile.input.NearestName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read as untyped text, with the line of every key, so each error names file and line.
 * Scalars stay strings: `mode: 0640` and `version: 0.13` keep their spelling (no YAML 1.1 octal/float).
 */
public final class YamlMap {
  private final String file;
  private final int line;
  private final ImmutableMap<String, Node> entries;

  private YamlMap(String file, int line, ImmutableMap<String, Node> entries) {
    this.file = file;
    this.line = line;
    this.entries = entries;
  }

  static YamlMap of(String file, Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      throw new InvalidInputException(file, lineOf(node), what + " must be a mapping (key: value)");
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        throw new InvalidInputException(file, lineOf(keyNode), "keys must be plain words");
      }
      if (entries.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
        throw new InvalidInputException(file, lineOf(keyNode), "duplicate key '" + key.getValue() + "'");
      }
    }
    return new YamlMap(file, lineOf(node), ImmutableMap.copyOf(entries));
  }

  static int lineOf(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Line of a key's value, or of the mapping when the key is absent. */
  public int lineOf(String key) {
    Node node = entries.get(key);
    return node == null ? line : lineOf(node);
  }

  public InvalidInputException error(String key, String message) {
    return new InvalidInputException(file, lineOf(key), message);
  }

  public void rejectUnknownKeys(Set<String> allowed) {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        throw error(key, "unknown key '" + key + "'" + NearestName.hint(key, allowed) + " (expected one of: "
            + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  public Optional<String> string(String key) {
    Node node = entries.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag())) {
      throw new InvalidInputException(file, lineOf(node), "'" + key + "' must be a text value");
    }
    return Optional.of(scalar.getValue());
  }

  public String requireString(String key) {
    return string(key).orElseThrow(() -> error(key, "missing required key '" + key + "'"));
  }

  public Optional<Boolean> bool(String key) {
    return string(key).map(value -> switch (value.toLowerCase()) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(key, "'" + key + "' must be true or false, not '" + value + "'");
    });
  }

  /** A list of strings; a single scalar counts as a list of one (`hosts: astakos`). */
  public ImmutableList<String> strings(String key) {
    Node node = entries.get(key);
    if (node == null) {
      return ImmutableList.of();
    }
    if (node instanceof ScalarNode && !Tag.NULL.equals(node.getTag())) {
      return ImmutableList.of(((ScalarNode) node).getValue());
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw new InvalidInputException(file, lineOf(node), "'" + key + "' must be a text value or a list of them");
    }
    ImmutableList.Builder<String> values = ImmutableList.builder();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof ScalarNode scalar) || Tag.NULL.equals(item.getTag())) {
        throw new InvalidInputException(file, lineOf(item), "items of '" + key + "' must be text values");
      }
      values.add(scalar.getValue());
    }
    return values.build();
  }

  /** A nested mapping, e.g. `users: {alice@example.org: 5}`; empty when the key is absent or null. */
  public Optional<YamlMap> map(String key) {
    Node node = entries.get(key);
    if (node == null || Tag.NULL.equals(node.getTag())) {
      return Optional.empty();
    }
    return Optional.of(of(file, node, "'" + key + "'"));
  }

  /** A mapping of names to text values, e.g. `vars:`. */
  public ImmutableMap<String, String> stringMap(String key) {
    return map(key).map(map -> {
      ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
      map.keys().forEach(name -> values.put(name, map.string(name).orElseThrow()));
      return values.build();
    }).orElse(ImmutableMap.of());
  }

  /** A list of mappings, e.g. `resources:`. */
  public ImmutableList<YamlMap> maps(String key) {
    Node node = entries.get(key);
    if (node == null || Tag.NULL.equals(node.getTag())) {
      return ImmutableList.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw new InvalidInputException(file, lineOf(node), "'" + key + "' must be a list");
    }
    ImmutableList.Builder<YamlMap> maps = ImmutableList.builder();
    for (Node item : sequence.getValue()) {
      maps.add(of(file, item, "each item of '" + key + "'"));
    }
    return maps.build();
  }
}
