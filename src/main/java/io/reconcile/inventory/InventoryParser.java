package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an Ansible inventory file (INI, or YAML) into an {@link Inventory}. Every problem, down to a bad port
 * in a group variable, is an {@link InvalidInputException} naming the file and line, raised here
 * before anything is contacted.
 */
public final class InventoryParser {
  /** An INI inventory, or a YAML one when the file is named *.yml or *.yaml (as Ansible's yaml plugin). */
  public Inventory parse(Path file) {
    String name = file.toString();
    InventoryDraft draft = isYaml(file) ? YamlInventoryReader.read(file)
        : SectionParser.parse(name, InventoryLexer.lex(name, read(file)));
    VariableResolver variables = new VariableResolver(draft);
    ConnectionResolver connections = new ConnectionResolver(name, file.toAbsolutePath().getParent());

    ImmutableList.Builder<InventoryHost> hosts = ImmutableList.builder();
    for (InventoryDraft.Host host : draft.hosts()) {
      ImmutableMap<String, SourcedValue> vars = variables.resolve(host);
      hosts.add(new InventoryHost(host.name, values(vars), variables.groupsOf(host), connections.resolve(host.name, vars)));
    }
    ImmutableMap.Builder<String, InventoryGroup> groups = ImmutableMap.builder();
    for (InventoryDraft.Group group : draft.groups()) {
      groups.put(group.name, new InventoryGroup(group.name, ImmutableList.copyOf(group.children),
          ImmutableList.copyOf(group.hosts), values(group.vars), group.priority));
    }
    return new Inventory(file, hosts.build(), groups.buildOrThrow());
  }

  private static boolean isYaml(Path file) {
    String fileName = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return fileName.endsWith(".yml") || fileName.endsWith(".yaml");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file.toString(), 0, "inventory is not valid UTF-8");
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, "cannot read inventory: " + e);
    }
  }

  private static ImmutableMap<String, String> values(Map<String, SourcedValue> vars) {
    ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
    vars.forEach((key, value) -> values.put(key, value.value()));
    return values.buildOrThrow();
  }
}
