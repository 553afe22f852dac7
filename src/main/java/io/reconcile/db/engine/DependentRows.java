package io.reconcile.db.engine;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deletes rows together with every row of other tables that references them through a foreign key,
 * recursively (what Django's {@code delete()} does), children first, each exported before it goes.
 * Found from the database's own constraints, so tables this code does not know are not left dangling.
 * Self-references (a tree in one table) are the caller's to include in the starting rows.
 */
public final class DependentRows {
  private static final int MAX_DEPTH = 8;

  private DependentRows() {}

  private record Target(String table, String where, List<Object> params, int depth) {}

  private record ForeignKey(String child, List<String> childColumns, List<String> parentColumns) {}

  /**
   * Deletes the rows of {@code table} matching {@code where} and their dependents; returns rows deleted.
   * Every row found is locked as it is found, starting rows first: a row another session inserts
   * meanwhile, referencing one of them, waits until this transaction ends (and then finds its parent
   * gone), so no dependent appears between finding and deleting. Each delete exports what it deleted.
   */
  public static int delete(RowChanges changes, String table, String where, Object... params) throws SQLException {
    changes.lock(table, where, params);
    Map<String, Target> byTable = new LinkedHashMap<>();
    List<Target> queue = new ArrayList<>(List.of(new Target(table, where, Arrays.asList(params), 0)));
    byTable.put(table, queue.get(0));
    while (!queue.isEmpty()) {
      Target parent = queue.remove(0);
      if (parent.depth() >= MAX_DEPTH) {
        throw new SQLException("foreign keys referencing " + table + " nest deeper than " + MAX_DEPTH + " tables; not deleting");
      }
      for (ForeignKey fk : referencing(changes, parent.table())) {
        String childWhere = "(" + quoted(fk.childColumns()) + ") IN (SELECT " + quoted(fk.parentColumns()) + " FROM "
            + parent.table() + " AS t WHERE " + parent.where() + ")";
        if (!changes.lock(fk.child(), childWhere, parent.params().toArray())) {
          continue;
        }
        Target earlier = byTable.get(fk.child());
        Target child = earlier == null
            ? new Target(fk.child(), childWhere, parent.params(), parent.depth() + 1)
            : new Target(fk.child(), "(" + earlier.where() + ") OR (" + childWhere + ")", concat(earlier.params(), parent.params()),
                Math.max(earlier.depth(), parent.depth() + 1));
        byTable.put(fk.child(), child);
        queue.add(child);
      }
    }
    List<Target> deepestFirst = new ArrayList<>(byTable.values());
    deepestFirst.sort(Comparator.comparingInt(Target::depth).reversed());
    int deleted = 0;
    for (Target target : deepestFirst) {
      deleted += changes.delete(target.table(), target.where(), target.params().toArray());
    }
    return deleted;
  }

  private static List<ForeignKey> referencing(RowChanges changes, String table) throws SQLException {
    String sql = """
        SELECT c.conrelid::regclass::text,
               (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
               (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
          FROM pg_constraint c
         WHERE c.contype = 'f' AND c.confrelid = ?::regclass AND c.conrelid <> c.confrelid
         ORDER BY 1, c.conname""";
    List<ForeignKey> keys = new ArrayList<>();
    try (PreparedStatement statement = changes.connection().prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          keys.add(new ForeignKey(rs.getString(1), names(rs.getArray(2)), names(rs.getArray(3))));
        }
      }
    }
    return keys;
  }

  private static List<String> names(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static String quoted(List<String> columns) {
    return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
