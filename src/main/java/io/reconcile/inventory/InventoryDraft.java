package io.reconcile.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory while it is being read: groups and hosts in the order they first appear, with the
 * line of every variable. Enforces the structural rules (no group inside itself, no cycles) and,
 * once reading is done, Ansible's implicit groups: every group without a parent sits in {@code all},
 * and {@code ungrouped} holds exactly the hosts that are in no other group.
 */
final class InventoryDraft {
  static final String ALL = "all";
  static final String UNGROUPED = "ungrouped";

  static final class Group {
    final String name;
    final Set<String> children = new LinkedHashSet<>();
    final Set<String> parents = new LinkedHashSet<>();
    final Set<String> hosts = new LinkedHashSet<>();
    final Map<String, SourcedValue> vars = new LinkedHashMap<>();
    int priority = 1; // Ansible's default ansible_group_priority

    private Group(String name) {
      this.name = name;
    }
  }

  static final class Host {
    final String name;
    final Set<String> groups = new LinkedHashSet<>(); // groups that list the host directly
    final Map<String, SourcedValue> vars = new LinkedHashMap<>();

    private Host(String name) {
      this.name = name;
    }
  }

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Host> hosts = new LinkedHashMap<>();

  InventoryDraft() {
    addGroup(ALL);
    addGroup(UNGROUPED);
    addChild(ALL, UNGROUPED);
  }

  boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  void addGroup(String name) {
    groups.computeIfAbsent(name, Group::new);
  }

  Group group(String name) {
    return groups.get(name);
  }

  Collection<Group> groups() {
    return groups.values();
  }

  Collection<Host> hosts() {
    return hosts.values();
  }

  /** Adds the hosts of one host line to a group; the port of {@code host:port} counts only where the host first appears, as in Ansible. */
  void addHosts(String group, HostLine line, int lineNumber) {
    for (String name : line.names()) {
      Host host = hosts.get(name);
      if (host == null) {
        host = new Host(name);
        hosts.put(name, host);
        Host created = host;
        line.port().ifPresent(port -> created.vars.put("ansible_port", new SourcedValue(port.toString(), lineNumber)));
      }
      host.groups.add(group);
      groups.get(group).hosts.add(name);
      for (Map.Entry<String, String> var : line.vars().entrySet()) {
        host.vars.put(var.getKey(), new SourcedValue(var.getValue(), lineNumber));
      }
    }
  }

  /** The variables of a host already added, to set where each came from. */
  Map<String, SourcedValue> hostVars(String name) {
    return hosts.get(name).vars;
  }

  void addChild(String parent, String child) {
    if (parent.equals(child)) {
      throw new InventorySyntaxException("group '" + parent + "' cannot be a child of itself");
    }
    if (child.equals(ALL)) {
      throw new InventorySyntaxException("group 'all' cannot be a child group: it already contains every group");
    }
    List<String> path = pathBetween(child, parent);
    if (!path.isEmpty()) {
      throw new InventorySyntaxException("making '" + child + "' a child of '" + parent + "' creates a cycle ("
          + String.join(" -> ", path) + " -> " + child + "): group children must not loop");
    }
    groups.get(parent).children.add(child);
    groups.get(child).parents.add(parent);
  }

  /** Applies Ansible's implicit-group rules after the whole file was read. */
  void finish() {
    for (Group group : List.copyOf(groups.values())) {
      if (!group.name.equals(ALL) && group.parents.isEmpty()) {
        addChild(ALL, group.name);
      }
    }
    Group ungrouped = groups.get(UNGROUPED);
    for (Host host : hosts.values()) {
      boolean inRealGroup = host.groups.stream().anyMatch(g -> !g.equals(ALL) && !g.equals(UNGROUPED));
      if (inRealGroup) {
        host.groups.remove(UNGROUPED);
        ungrouped.hosts.remove(host.name);
      } else {
        host.groups.add(UNGROUPED);
        ungrouped.hosts.add(host.name);
      }
    }
  }

  /** The chain of groups from {@code from} down to {@code to} through children, or empty if there is none. */
  private List<String> pathBetween(String from, String to) {
    Map<String, String> reachedFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    reachedFrom.put(from, from);
    while (!queue.isEmpty()) {
      String current = queue.remove();
      if (current.equals(to)) {
        List<String> path = new ArrayList<>();
        for (String step = to; !step.equals(from); step = reachedFrom.get(step)) {
          path.add(0, step);
        }
        path.add(0, from);
        return path;
      }
      for (String child : groups.get(current).children) {
        if (reachedFrom.putIfAbsent(child, current) == null) {
          queue.add(child);
        }
      }
    }
    return List.of();
  }
}
