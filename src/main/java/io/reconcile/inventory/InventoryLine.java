package io.reconcile.inventory;

/** One meaningful (non-blank, non-comment) line of an INI inventory, with its 1-based number. */
sealed interface InventoryLine {
  int number();

  /** What a section holds: {@code [g]} hosts, {@code [g:children]} groups, {@code [g:vars]} variables. */
  enum Kind { HOSTS, CHILDREN, VARS }

  record Section(int number, String group, Kind kind) implements InventoryLine {}

  record Entry(int number, String text) implements InventoryLine {}
}
