package io.reconcile.inventory;

/** A variable's value and the inventory line that set it, so bad values are reported where they were written. */
record SourcedValue(String value, int line) {}
