package io.reconcile.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.Mode;
import io.reconcile.report.ResourceStatus;
import io.reconcile.testing.RequiresDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against a real PostgreSQL 15. */
@RequiresDocker
class PostgresRunHistoryTest extends RunHistoryContract {
  private static HistoryDatabase database;
  @BeforeAll
  static void startDatabase() {
    database = HistoryDatabase.start();
  }

  @AfterAll
  static void stopDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  RunHistory open() throws Exception {
    return PostgresRunHistory.open(database.newDatabase(), Optional.of(HistoryDatabase.USER), Optional.of(HistoryDatabase.PASSWORD));
  }

  @Test
  void createsItsTableWhenMissingAndKeepsRunsAcrossConnections() throws Exception {
    String url = database.newDatabase();
    assertThat(tableExists(url)).isFalse();
    try (RunHistory history = PostgresRunHistory.open(url, Optional.of(HistoryDatabase.USER), Optional.of(HistoryDatabase.PASSWORD))) {
      history.record(run("r1", Mode.CHECK, T0, ALL, host("web1", ResourceStatus.DRIFT)));
    }
    try (RunHistory again = PostgresRunHistory.open(url, Optional.of(HistoryDatabase.USER), Optional.of(HistoryDatabase.PASSWORD))) {
      assertThat(again.latest(5)).extracting(RunEntry::id).containsExactly("r1");
    }
    try (Connection connection = DriverManager.getConnection(url, HistoryDatabase.USER, HistoryDatabase.PASSWORD);
        ResultSet row = connection.createStatement().executeQuery(
            "SELECT mode, scope, hosts, changes, failed, exit_code, record->>'id' FROM reconcile_runs")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("check");
      assertThat(row.getString(2)).isEqualTo("all");
      assertThat(row.getInt(4)).isEqualTo(1);
      assertThat(row.getInt(6)).isEqualTo(2);
      assertThat(row.getString(7)).as("the record is queryable JSON").isEqualTo("r1");
    }
  }

  private static boolean tableExists(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, HistoryDatabase.USER, HistoryDatabase.PASSWORD);
        ResultSet row = connection.createStatement().executeQuery("SELECT to_regclass('reconcile_runs') IS NOT NULL")) {
      row.next();
      return row.getBoolean(1);
    }
  }
}
