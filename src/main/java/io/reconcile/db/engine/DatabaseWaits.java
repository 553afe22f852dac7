package io.reconcile.db.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a database made a run wait for, in words an operator can act on: the lock it gave up on and the
 * session that holds it (pid, application, what it runs, for how long), or the statement that ran
 * longer than allowed. Asked after the transaction was rolled back, on the same connections.
 */
public final class DatabaseWaits {
  static final String LOCK_NOT_AVAILABLE = "55P03";
  static final String QUERY_CANCELED = "57014";

  private static final String HOLDERS = """
      SELECT l.relation::regclass::text, l.mode, l.pid, coalesce(nullif(a.application_name, ''), '?'),
          coalesce(a.state, '?'),
             coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0),
             left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 120)
        FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid() AND l.mode <> 'AccessShareLock'
         AND l.relation IN (SELECT to_regclass(t) FROM unnest(?::text[]) AS t)
       ORDER BY 1, 3""";

  private DatabaseWaits() {}

  /**
   * Why {@code e} ended the wait, when it was a timeout: for a lock, the holders of the locks other
   * sessions have on {@code tables} (per connection: the tables of its database).
   */
  public static Optional<String> explain(SQLException e, Map<Connection, List<String>> tables, DatabaseTimeouts timeouts) {
    if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
      List<String> holders = new ArrayList<>();
      tables.forEach((connection, names) -> holders.addAll(holders(connection, names)));
      return Optional.of("gave up waiting for a lock after the lock timeout (" + timeouts.lock().toSeconds()
          + " s, --db-lock-timeout): " + (holders.isEmpty() ? "the lock was released meanwhile; run again"
              : "another session holds " + String.join("; ", holders)));
    }
    if (QUERY_CANCELED.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("statement timeout")) {
      return Optional.of("a statement ran longer than the statement timeout (" + timeouts.statement().toSeconds()
          + " s, --db-statement-timeout) and was cancelled");
    }
    return Optional.empty();
  }

  private static List<String> holders(Connection connection, List<String> tables) {
    List<String> holders = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(HOLDERS)) {
      statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          holders.add(rs.getString(1) + " in " + rs.getString(2) + " (pid " + rs.getInt(3) + ", application '"
              + rs.getString(4)
              + "', " + rs.getString(5) + " for " + rs.getLong(6) + " s: " + rs.getString(7) + ")");
        }
      }
    } catch (SQLException e) {
      holders.add("(who holds it could not be read: " + e.getMessage() + ")");
    }
    return holders;
  }
}
