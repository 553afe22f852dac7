package io.reconcile.inventory;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Flattens variables onto each host the way Ansible does: the host's groups (including every
 * ancestor and {@code all}) are merged ordered by depth below {@code all}, then
 * {@code ansible_group_priority}, then name; a later group overrides an earlier one, and the
 * host's own variables override them all. So all &lt; parent &lt; child &lt; host, and among groups of
 * the same depth the alphabetically last (or higher-priority) one wins.
 */
final class VariableResolver {
  private final InventoryDraft draft;
  private final Map<String, Integer> depths = new HashMap<>();
  private final Comparator<InventoryDraft.Group> mergeOrder;

  VariableResolver(InventoryDraft draft) {
    this.draft = draft;
    this.mergeOrder = Comparator.<InventoryDraft.Group>comparingInt(g -> depth(g.name))
        .thenComparingInt(g -> g.priority)
        .thenComparing(g -> g.name);
  }

  /** Every group the host belongs to, directly or through children, including {@code all}. */
  ImmutableSortedSet<String> groupsOf(InventoryDraft.Host host) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(host.groups);
    while (!queue.isEmpty()) {
      String group = queue.remove();
      if (found.add(group)) {
        queue.addAll(draft.group(group).parents);
      }
    }
    return ImmutableSortedSet.copyOf(found);
  }

  ImmutableMap<String, SourcedValue> resolve(InventoryDraft.Host host) {
    Map<String, SourcedValue> merged = new LinkedHashMap<>();
    groupsOf(host).stream().map(draft::group).sorted(mergeOrder).forEach(group -> merged.putAll(group.vars));
    merged.putAll(host.vars);
    return ImmutableMap.copyOf(merged);
  }

  /** Length of the longest chain of parents up to {@code all} (which is 0), as Ansible computes group depth. */
  private int depth(String group) {
    Integer known = depths.get(group);
    if (known != null) {
      return known;
    }
    int depth = draft.group(group).parents.stream().mapToInt(parent -> depth(parent) + 1).max().orElse(0);
    depths.put(group, depth);
    return depth;
  }
}
