package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes to one database inside an apply's transaction, recording in the export file every row before it
 * is deleted or rewritten (and every row inserted), so that no change escapes the undo script. Tables
 * are SQL-ready names (quote them with {@link Sql#quote} where needed); a {@code where} condition may
 * name the table's row {@code t}.
 */
public final class RowChanges {
  private final Connection connection;
  private final ExportFile export;
  private final Map<String, ImmutableList<String>> columns = new HashMap<>();

  public RowChanges(Connection connection, ExportFile export) {
    this.connection = connection;
    this.export = export;
  }

  public Connection connection() {
    return connection;
  }

  /** Deletes the rows of {@code table} matching {@code where}, exported first; returns how many. */
  public int delete(String table, String where, Object... params) throws SQLException {
    ImmutableList<String> rows = rows(table, where, params);
    export.deleted(table, rows);
    if (rows.isEmpty()) {
      return 0;
    }
    return Sql.update(connection, "DELETE FROM " + table + " AS t WHERE " + where, params);
  }

  /**
   * Runs {@code update} (an UPDATE of {@code table}) after exporting the rows matching {@code where},
   * which must be exactly the rows it changes; {@code key} identifies a row and is never changed.
   */
  public int rewrite(String table, List<String> key, String where, Object[] whereParams, String update, Object... updateParams)
      throws SQLException {
    ImmutableList<String> rows = rows(table, where, whereParams);
    export.rewritten(table, key, columnsOf(table), rows);
    if (rows.isEmpty()) {
      return 0;
    }
    int changed = Sql.update(connection, update, updateParams);
    if (changed != rows.size()) {
      throw new SQLException("rewrote " + changed + " rows of " + table + " but exported " + rows.size() + "; rolled back");
    }
    return changed;
  }

  /** Runs {@code insert}, which must end in {@code RETURNING row_to_json(<alias>)::text}; records the new rows. */
  public int insert(String table, List<String> key, String insert, Object... params) throws SQLException {
    ImmutableList<String> rows;
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      Sql.bind(statement, params);
      rows = collect(statement);
    }
    export.inserted(table, key, rows);
    return rows.size();
  }

  /** The rows of {@code table} matching {@code where}, as JSON objects. */
  public ImmutableList<String> rows(String table, String where, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT row_to_json(t)::text FROM " + table + " AS t WHERE " + where)) {
      Sql.bind(statement, params);
      return collect(statement);
    }
  }

  private static ImmutableList<String> collect(PreparedStatement statement) throws SQLException {
    ImmutableList.Builder<String> rows = ImmutableList.builder();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows.build();
  }

  private ImmutableList<String> columnsOf(String table) throws SQLException {
    ImmutableList<String> known = columns.get(table);
    if (known != null) {
      return known;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " LIMIT 0");
        ResultSet rs = statement.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      ImmutableList.Builder<String> names = ImmutableList.builder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i));
      }
      ImmutableList<String> result = names.build();
      columns.put(table, result);
      return result;
    }
  }
}
