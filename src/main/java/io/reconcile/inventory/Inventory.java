package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Ansible INI inventory.
 *
 * @param source the file it was read from
 * @param hosts every host, in the order each first appears in the file
 * @param groups every group by name, including the implicit {@code all} and {@code ungrouped}
 */
public record Inventory(Path source, ImmutableList<InventoryHost> hosts, ImmutableMap<String, InventoryGroup> groups) {

  /** Parses an inventory file. */
  public static Inventory parse(Path file) {
    return new InventoryParser().parse(file);
  }

  public Optional<InventoryHost> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  public Optional<InventoryGroup> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /**
   * Names of the hosts in a group and its descendants, in Ansible's group order: the group's own
   * hosts, then those of its children level by level. Empty for an unknown group.
   */
  public ImmutableList<String> hostNamesOf(String group) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(group));
    while (!queue.isEmpty()) {
      InventoryGroup current = groups.get(queue.remove());
      if (current != null && visited.add(current.name())) {
        names.addAll(current.hosts());
        queue.addAll(current.children());
      }
    }
    return ImmutableList.copyOf(names);
  }
}
