package io.reconcile.db.engine;

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
 * Writes to one database inside an apply's transaction, recording in the export file every row it
 * deletes or rewrites (and every row inserted), so that no change escapes the undo script: a delete
 * exports the rows it returns, a rewrite locks the rows it exports, and the update must change exactly
 * those. Tables
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

  /**
   * Deletes the rows of {@code table} matching {@code where} and exports exactly those: the rows the
   * DELETE itself returns, so that a row another session committed after they were looked at (READ
   * COMMITTED sees it) is exported too, not deleted unseen. Returns how many.
   */
  public int delete(String table, String where, Object... params) throws SQLException {
    ImmutableList<String> rows;
    try (PreparedStatement statement = connection.prepareStatement(
        "DELETE FROM " + table + " AS t WHERE " + where + " RETURNING row_to_json(t)::text")) {
      Sql.bind(statement, params);
      rows = collect(statement);
    }
    export.deleted(table, rows);
    return rows.size();
  }

  /**
   * Locks the rows of {@code table} matching {@code where} until the transaction ends, and says whether
   * there are any: no other session changes or deletes them meanwhile, nor inserts a row referencing one
   * (its foreign key check waits for the lock), so what is found is what is there when it is deleted.
   */
  public boolean lock(String table, String where, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT 1 FROM " + table + " AS t WHERE " + where + " FOR UPDATE OF t")) {
      Sql.bind(statement, params);
      try (ResultSet rs = statement.executeQuery()) {
        boolean any = false;
        while (rs.next()) {
          any = true; // every row read is locked
        }
        return any;
      }
    }
  }

  /**
   * Runs {@code update} (an UPDATE of {@code table}) after exporting the rows matching {@code where},
   * which must be exactly the rows it changes; {@code key} identifies a row and is never changed.
   */
  public int rewrite(String table, List<String> key, String where, Object[] whereParams, String update, Object... updateParams)
      throws SQLException {
    ImmutableList<String> rows = lockedRows(table, where, whereParams); // nobody changes them between export and update
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

  private ImmutableList<String> lockedRows(String table, String where, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT row_to_json(t)::text FROM " + table + " AS t WHERE " + where + " FOR UPDATE OF t")) {
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
