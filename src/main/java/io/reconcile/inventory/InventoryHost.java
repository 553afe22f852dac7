package io.reconcile.inventory;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;

/**
 * One host as the run sees it.
 *
 * @param name the inventory name (Ansible's inventory_hostname)
 * @param vars every inventory variable after precedence (all &lt; parent group &lt; child group &lt; host), as strings
 * @param groups every group the host is in, directly or through children, including {@code all}
 *     (and {@code ungrouped} when no other group lists it)
 * @param connection how to reach it
 */
public record InventoryHost(
    String name, ImmutableMap<String, String> vars, ImmutableSortedSet<String> groups, ConnectionSettings connection) {}
