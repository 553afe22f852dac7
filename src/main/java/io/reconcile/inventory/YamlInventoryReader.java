package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.input.InvalidInputException;
import io.reconcile.input.NearestName;
import io.reconcile.input.YamlDocuments;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Ansible's YAML inventory format (the yaml inventory plugin, lib/ansible/plugins/inventory/yaml.py)
 * into the same draft the INI reader fills, so both give the same hosts, groups and variables: top-level
 * keys are groups (usually {@code all}); a group has {@code hosts} (name or range, {@code host:port}, each
 * with its variables), {@code children} (groups, nested the same way) and {@code vars}. A group may appear
 * several times; its parts add up. Values are kept as written (strings, as in the INI reader); a list or
 * mapping as a value is an error, since reconcile's variables are text.
 */
final class YamlInventoryReader {
  private static final ImmutableSet<String> GROUP_KEYS = ImmutableSet.of("hosts", "children", "vars");
  private static final String GROUP_PRIORITY = "ansible_group_priority";

  private final String file;
  private final InventoryDraft draft = new InventoryDraft();

  private YamlInventoryReader(String file) {
    this.file = file;
  }

  static InventoryDraft read(Path path) {
    String name = path.toString();
    YamlInventoryReader reader = new YamlInventoryReader(name);
    Node root = YamlDocuments.compose(path, name, "inventory");
    for (Map.Entry<String, Node> group : reader.entries(root, "the inventory").entrySet()) {
      reader.group(group.getKey(), null, group.getValue());
    }
    reader.draft.finish();
    return reader.draft;
  }

  private void group(String name, String parent, Node node) {
    draft.addGroup(name);
    if (parent != null) {
      try {
        draft.addChild(parent, name);
      } catch (InventorySyntaxException e) {
        throw new InvalidInputException(file, YamlDocuments.lineOf(node), e.getMessage());
      }
    }
    if (isNull(node)) {
      return;
    }
    Map<String, Node> parts = entries(node, "group '" + name + "'");
    for (Map.Entry<String, Node> part : parts.entrySet()) {
      if (!GROUP_KEYS.contains(part.getKey())) {
        throw new InvalidInputException(file, keyLine(node, part.getKey()), "group '" + name
            + "': unknown key '" + part.getKey() + "'" + NearestName.hint(part.getKey(), GROUP_KEYS)
            + " (a group has hosts, children and vars)");
      }
    }
    if (parts.containsKey("vars") && !isNull(parts.get("vars"))) {
      groupVars(name, parts.get("vars"));
    }
    if (parts.containsKey("hosts") && !isNull(parts.get("hosts"))) {
      entries(parts.get("hosts"), "hosts of group '" + name + "'").forEach((host, vars) -> host(name, host, vars));
    }
    if (parts.containsKey("children") && !isNull(parts.get("children"))) {
      entries(parts.get("children"), "children of group '" + name + "'").forEach((child, body) -> group(child, name,
          body));
    }
  }

  private void groupVars(String group, Node node) {
    InventoryDraft.Group target = draft.group(group);
    for (Map.Entry<String, Node> var : entries(node, "vars of group '" + group + "'").entrySet()) {
      String value = scalar(var.getKey(), var.getValue());
      if (var.getKey().equals(GROUP_PRIORITY)) {
        try {
          target.priority = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
          throw new InvalidInputException(file, YamlDocuments.lineOf(var.getValue()), GROUP_PRIORITY
              + " must be a whole number, got '" + value + "'");
        }
      } else {
        target.vars.put(var.getKey(), new SourcedValue(value, YamlDocuments.lineOf(var.getValue())));
      }
    }
  }

  /**
   * Hosts listed under {@code all} itself are, as the INI file's hosts before any section, in {@code ungrouped}
   * until another group lists them (Ansible's inventory does the same when it reconciles groups).
   */
  private void host(String listedIn, String pattern, Node varsNode) {
    String group = listedIn.equals(InventoryDraft.ALL) ? InventoryDraft.UNGROUPED : listedIn;
    int line = YamlDocuments.lineOf(varsNode);
    HostAddress address;
    ImmutableList<String> names;
    try {
      address = HostAddress.parse(pattern);
      names = HostRange.expand(address.pattern());
    } catch (InventorySyntaxException e) {
      throw new InvalidInputException(file, line, e.getMessage());
    }
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    if (!isNull(varsNode)) {
      entries(varsNode, "host '" + pattern + "'").forEach((key, value) -> {
        vars.put(key, scalar(key, value));
        lines.put(key, YamlDocuments.lineOf(value));
      });
    }
    draft.addHosts(group, new HostLine(names, address.port(), ImmutableMap.copyOf(vars)), line);
    // Each variable keeps the line that set it, for messages about its value.
    for (String name : names) {
      lines.forEach((key, at) -> draft.hostVars(name).put(key, new SourcedValue(vars.get(key), at)));
    }
  }

  private String scalar(String key, Node node) {
    if (isNull(node)) {
      return "";
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw new InvalidInputException(file, YamlDocuments.lineOf(node), "variable '" + key + "' is a list or mapping;"
          + " reconcile's inventory variables are text values");
    }
    return scalar.getValue();
  }

  /** A mapping's entries in file order, keys as text. */
  private Map<String, Node> entries(Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      throw new InvalidInputException(file, YamlDocuments.lineOf(node), what + " must be a mapping (name: ...)");
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
        throw new InvalidInputException(file, YamlDocuments.lineOf(tuple.getKeyNode()), what + ": names must be text");
      }
      entries.put(key.getValue(), tuple.getValueNode());
    }
    return entries;
  }

  /** The line of a key of a mapping (where an unknown key was written). */
  private static int keyLine(Node mapping, String key) {
    return ((MappingNode) mapping).getValue().stream().map(NodeTuple::getKeyNode)
        .filter(k -> k instanceof ScalarNode scalar && scalar.getValue().equals(key))
        .findFirst().map(YamlDocuments::lineOf).orElse(YamlDocuments.lineOf(mapping));
  }

  private static boolean isNull(Node node) {
    return node == null || Tag.NULL.equals(node.getTag());
  }
}
