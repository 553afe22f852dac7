package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;

/**
 * The hosts a pattern selected, in inventory file order.
 *
 * @param hosts the selected hosts; may be empty, which is not an error ("no hosts matched")
 * @param unmatchedTerms pattern terms that matched no host or group, for a warning like Ansible's
 *     "Could not match supplied host pattern, ignoring: x"
 */
public record HostSelection(ImmutableList<InventoryHost> hosts, ImmutableList<String> unmatchedTerms) {

  public boolean isEmpty() {
    return hosts.isEmpty();
  }

  public ImmutableList<String> names() {
    return hosts.stream().map(InventoryHost::name).collect(ImmutableList.toImmutableList());
  }
}
