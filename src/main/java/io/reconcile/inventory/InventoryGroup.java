package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * One group as written in the inventory.
 *
 * @param name group name
 * @param children child groups in the order they were listed (top-level groups are children of {@code all})
 * @param hosts hosts the group lists directly, in file order (not those of its children)
 * @param vars the group's own variables from {@code [name:vars]}, before any precedence
 * @param priority {@code ansible_group_priority} (default 1)
 */
public record InventoryGroup(
    String name,
    ImmutableList<String> children,
    ImmutableList<String> hosts,
    ImmutableMap<String, String> vars,
    int priority) {}
