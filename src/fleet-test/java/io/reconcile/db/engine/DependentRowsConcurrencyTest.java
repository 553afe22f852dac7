package io.reconcile.db.engine;

import io.reconcile.db.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.RequiresDocker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exports equal what was deleted, against real PostgreSQL under READ COMMITTED, when another session
 * inserts a child row while the delete is under way: between the moment the rows to delete were found
 * and the statement that deletes them. The test stops the delete at that moment with a gate: a function
 * in the condition that waits for an advisory lock the test holds, in the first statement that exports
 * or deletes child rows. Whatever the order the sessions then run in, every child row that was ever
 * committed is either still in the table or in the export, and the export holds exactly the rows deleted.
 */
@RequiresDocker
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DependentRowsConcurrencyTest {
  private static final long GATE = 4242;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    // Django's shape: foreign keys DEFERRABLE INITIALLY DEFERRED, no ON DELETE in the database.
    db.sql(DatabaseRole.ASTAKOS, """
        CREATE TABLE t_parent (id integer PRIMARY KEY, name text);
        CREATE TABLE t_child (id serial PRIMARY KEY, parent_id integer NOT NULL
          REFERENCES t_parent (id) DEFERRABLE INITIALLY DEFERRED, note text);
        INSERT INTO t_parent VALUES (1, 'doomed'), (2, 'kept');
        INSERT INTO t_child (parent_id, note) VALUES (1, 'before-a'), (1, 'before-b'), (2, 'other');
        CREATE FUNCTION test_gate() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          IF current_query() ~* '(row_to_json|DELETE).*t_child' THEN
            PERFORM pg_advisory_xact_lock_shared(%d);
          END IF;
          RETURN true;
        END $$""".formatted(GATE));
  }

  @Test
  void aChildRowInsertedBetweenFindingAndDeletingIsExportedOrNeverDeleted() throws Exception {
    ExportFile export = new ExportFile();
    try (Connection gatekeeper = db.connect(DatabaseRole.ASTAKOS); Connection deleter = db.connect(DatabaseRole.ASTAKOS);
        Connection inserter = db.connect(DatabaseRole.ASTAKOS)) {
      sql(gatekeeper, "SELECT pg_advisory_lock(" + GATE + ")");
      int deleterPid = pid(deleter);
      CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> {
        try {
          deleter.setAutoCommit(false);
          int deleted = DependentRows.delete(new RowChanges(deleter, export), "t_parent", "t.id = ANY(?) AND test_gate()",
              (Object) new Integer[] {1});
          deleter.commit();
          return deleted;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      await("the delete reaches the gate", () -> waitingOn(gatekeeper, deleterPid, "advisory"));

      int inserterPid = pid(inserter);
      CompletableFuture<Boolean> insert = CompletableFuture.supplyAsync(() -> {
        try (Statement s = inserter.createStatement()) {
          s.execute("INSERT INTO t_child (parent_id, note) VALUES (1, 'inserted-meanwhile')");
          return true;
        } catch (SQLException e) {
          return false; // its parent went: the row was never committed, so nothing of it can be lost
        }
      });
      await("the insert commits or waits for the rows the delete holds",
          () -> insert.isDone() || waitingOn(gatekeeper, inserterPid, "Lock"));
      sql(gatekeeper, "SELECT pg_advisory_unlock(" + GATE + ")");

      int deleted = delete.get(60, TimeUnit.SECONDS);
      boolean inserted = insert.get(60, TimeUnit.SECONDS);

      List<String> remaining = db.query(DatabaseRole.ASTAKOS, "SELECT note FROM t_child ORDER BY note");
      String undo = export.render(new ExportFile.Header("run-1", "test", "astakos1",
          new DatabaseEndpoint("astakos", "db", 5432, "snf_apps", "", TestDatabases.USER, TestDatabases.PASSWORD)));
      List<String> exported = new ArrayList<>();
      for (String note : List.of("before-a", "before-b", "other", "inserted-meanwhile")) {
        if (undo.contains("\"note\":\"" + note + "\"")) {
          exported.add(note);
        }
      }
      List<String> committed = new ArrayList<>(List.of("before-a", "before-b", "other"));
      if (inserted) {
        committed.add("inserted-meanwhile");
      }
      assertThat(committed).as("every committed child row is still there or exported (remaining %s, exported %s)",
          remaining, exported).allMatch(note -> remaining.contains(note) || exported.contains(note));
      assertThat(exported).as("exported rows are gone from the table").doesNotContainAnyElementsOf(remaining);
      assertThat(deleted).as("rows deleted = rows exported (the parent row too)").isEqualTo(exported.size() + 1);
      assertThat(remaining).contains("other");
    }
  }

  private static void sql(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Whether session {@code pid} waits on a lock of this kind ("advisory", or "Lock" for a row or table). */
  private static boolean waitingOn(Connection observer, int pid, String kind) {
    try (PreparedStatement s = observer.prepareStatement(
        "SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = ?")) {
      s.setInt(1, pid);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && "Lock".equals(rs.getString(1)) && (kind.equals("Lock") || kind.equals(rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant limit = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what).isBefore(limit);
      Thread.sleep(20);
    }
  }
}
