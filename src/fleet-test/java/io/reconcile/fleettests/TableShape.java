package io.reconcile.fleettests;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * A table as a schema comparison sees it: its columns, primary key, unique column sets (constraints and
 * unique indexes alike) and single-column foreign keys.
 *
 * @param optional the reference allows the table to be missing (alembic_version at 0.12.5)
 */
record TableShape(String name, ImmutableMap<String, Column> columns, ImmutableSet<String> primaryKey,
    ImmutableSet<ImmutableSet<String>> uniques, ImmutableSet<ForeignKey> foreignKeys, boolean optional) {

  /**
   * @param type PostgreSQL type as the reference writes it: {@code integer}, {@code varchar(75)},
   *     {@code numeric(38,0)}, {@code timestamp with time zone}, ...
   * @param serial true: the column must take its default from a sequence (Django's AutoField); empty: not
   *     asserted (the reference writes a plain {@code integer})
   * @param nonNegative a CHECK (column >= 0), Django's PositiveIntegerField
   */
  record Column(String type, boolean nullable, Optional<Boolean> serial, boolean nonNegative) {
    String describe() {
      return type + (serial.orElse(false) ? " (serial)" : "") + (nonNegative ? " check>=0" : "")
          + (nullable ? " null" : " not null");
    }
  }

  /** {@code column -> table.column}; {@code onDeleteCascade} empty where the reference does not say. */
  record ForeignKey(String column, String table, String referenced, Optional<Boolean> onDeleteCascade) {
    String describe() {
      return column + " -> " + table + "." + referenced
          + onDeleteCascade.map(c -> c ? " ON DELETE CASCADE" : "").orElse("");
    }

    /** Equal where both say something. */
    boolean matches(ForeignKey live) {
      return column.equals(live.column) && table.equals(live.table) && referenced.equals(live.referenced)
          && onDeleteCascade.map(c -> live.onDeleteCascade.map(c::equals).orElse(true)).orElse(true);
    }
  }
}
