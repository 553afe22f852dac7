package io.reconcile.db.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** Ends the transactions an invariant opened and hands the connections back in auto-commit mode. */
public final class Transactions {
  private Transactions() {}

  /** Rolls back every open transaction; never throws (a broken connection is closed and reopened next time). */
  public static void rollback(DatabaseConnections connections) {
    for (Connection connection : connections.distinct()) {
      try {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // already broken
        }
      }
    }
  }
}
