package io.reconcile.db.engine;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Small JDBC helpers: binding (arrays included, for set-based statements), one-shot queries and updates. */
public final class Sql {
  private Sql() {}

  /** Ordered bind parameters; String[] / Long[] / BigDecimal[] become text[] / bigint[] / numeric[]. */
  public static void bind(PreparedStatement statement, Object... params) throws SQLException {
    Connection connection = statement.getConnection();
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int index = i + 1;
      if (p == null) {
        statement.setNull(index, Types.OTHER); // untyped: the statement decides
      } else if (p instanceof String[] texts) {
        statement.setArray(index, connection.createArrayOf("text", texts));
      } else if (p instanceof Long[] longs) {
        statement.setArray(index, connection.createArrayOf("int8", longs));
      } else if (p instanceof Integer[] ints) {
        statement.setArray(index, connection.createArrayOf("int4", ints));
      } else if (p instanceof BigDecimal[] numbers) {
        statement.setArray(index, connection.createArrayOf("numeric", numbers));
      } else if (p instanceof BigInteger big) {
        statement.setBigDecimal(index, new BigDecimal(big));
      } else {
        statement.setObject(index, p);
      }
    }
  }

  /** Runs a statement that changes rows; returns how many. */
  public static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  /** The first column of every row, as text (SQL NULLs left out). */
  public static ImmutableList<String> strings(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      ImmutableList.Builder<String> values = ImmutableList.builder();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String value = rs.getString(1);
          if (value != null) {
            values.add(value);
          }
        }
      }
      return values.build();
    }
  }

  /** The first column of the first row, if any and not NULL. */
  public static Optional<String> string(Connection connection, String sql, Object... params) throws SQLException {
    ImmutableList<String> values = strings(connection, sql, params);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A table or column name quoted for SQL text. */
  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A text literal for SQL text (standard_conforming_strings on). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
