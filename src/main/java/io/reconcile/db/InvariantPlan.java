package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.db.engine.DatabaseWaits;
import io.reconcile.db.engine.Transactions;
import io.reconcile.db.engine.ExportFile;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.engine.DatabaseRole;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;
import io.reconcile.state.Declaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fix of one invariant as observed. Apply runs one transaction per database: it locks the tables the
 * invariant reads and writes, observes again, refuses (nothing written) if that differs from what was
 * planned, writes, stores the undo script of every database it changed, and only then commits: the
 * other databases first, Astakos last.
 */
final class InvariantPlan<F extends Findings> implements DatabasePlan {

  private final Declaration declaration;
  private final String host;
  private final Invariant<F> invariant;
  private final F planned;

  InvariantPlan(Declaration declaration, String host, Invariant<F> invariant, F planned) {
    this.declaration = declaration;
    this.host = host;
    this.invariant = invariant;
    this.planned = planned;
  }

  @Override
  public Change change() {
    return planned.change();
  }

  @Override
  public ApplyOutcome apply(DatabaseSession session) {
    ImmutableMap.Builder<DatabaseRole, Connection> open = ImmutableMap.builder();
    invariant.endpoints().byRole().forEach((db, endpoint) -> open.put(db, session.connection(endpoint)));
    DatabaseConnections connections = new DatabaseConnections(open.buildOrThrow());
    Map<DatabaseRole, RowChanges> writers = new EnumMap<>(DatabaseRole.class);
    Map<DatabaseRole, ExportFile> exports = new EnumMap<>(DatabaseRole.class);
    List<Path> written = new ArrayList<>();
    try {
      begin(connections);
      F fresh = invariant.observe(connections);
      if (!fresh.digest().equals(planned.digest())) {
        return refuse(connections, "the data changed since it was observed (planned: " + planned.change().before()
            + "; now: " + (fresh.holds() ? "holds" : fresh.change().before()) + "); nothing written, run again");
      }
      if (!fresh.blockers().isEmpty()) {
        return refuse(connections, "refused, nothing written: " + String.join("; ", fresh.blockers()));
      }
      invariant.fix(fresh, connections, db -> writers.computeIfAbsent(db, d -> {
        ExportFile export = new ExportFile();
        exports.put(d, export);
        return new RowChanges(connections.get(d), export);
      }));
      for (Map.Entry<DatabaseRole, ExportFile> entry : exports.entrySet()) {
        if (!entry.getValue().isEmpty()) {
          DatabaseEndpoint endpoint = invariant.endpoints().get(entry.getKey());
          written.add(entry.getValue().write(exportFile(session, endpoint),
              new ExportFile.Header(session.runId(), declaration.id().toString(), host, endpoint)));
        }
      }
      return commit(connections, written);
    } catch (SQLException e) {
      deleteQuietly(written);
      Transactions.rollback(connections);
      String message = DatabaseWaits.explain(e, InvariantTables.byConnection(invariant, connections),
          session.timeouts())
          .orElse(e.getMessage());
      return refuse(connections, message + "; rolled back, nothing written");
    } catch (IOException e) {
      deleteQuietly(written);
      return refuse(connections, "could not write the export (" + e.getMessage() + "); rolled back, nothing written");
    } catch (RuntimeException e) {
      deleteQuietly(written);
      return refuse(connections, e.getMessage() + "; rolled back, nothing written");
    }
  }

  private void begin(DatabaseConnections connections) throws SQLException {
    for (Connection connection : connections.distinct()) {
      connection.setAutoCommit(false); // the session's lock and statement timeouts bound every wait below
    }
    for (Map.Entry<DatabaseRole, Connection> entry : connections.byRole().entrySet()) {
      lock(entry.getValue(), entry.getKey(), false, "SHARE");
      lock(entry.getValue(), entry.getKey(), true, "SHARE ROW EXCLUSIVE");
    }
  }

  /** SHARE lets others read but not write what apply reads; SHARE ROW EXCLUSIVE also keeps other such lockers out. */
  private void lock(Connection connection, DatabaseRole db, boolean write, String mode) throws SQLException {
    String tables = invariant.locks().stream().filter(l -> l.db() == db && l.write() == write)
        .map(Invariant.TableLock::table).distinct().collect(Collectors.joining(", "));
    if (!tables.isEmpty()) {
      Sql.update(connection, "LOCK TABLE " + tables + " IN " + mode + " MODE");
    }
  }

  /** Commits the other databases first and Astakos (which decides who survives) last. */
  private ApplyOutcome commit(DatabaseConnections connections, List<Path> written) {
    List<DatabaseRole> order = new ArrayList<>(connections.byRole().keySet());
    order.remove(DatabaseRole.ASTAKOS);
    order.add(DatabaseRole.ASTAKOS);
    List<String> committed = new ArrayList<>();
    for (DatabaseRole db : order) {
      try {
        Connection connection = connections.get(db);
        if (connection.getAutoCommit()) {
          continue; // shares its database with a role committed before
        }
        connection.commit();
        connection.setAutoCommit(true);
        committed.add(db.label());
      } catch (SQLException e) {
        Transactions.rollback(connections);
        if (committed.isEmpty()) {
          deleteQuietly(written);
          return ApplyOutcome.failure("commit failed on the " + db.label() + " database (" + e.getMessage() + "); nothing written");
        }
        return new ApplyOutcome(false, java.util.Optional.of("commit failed on the " + db.label() + " database (" + e.getMessage()
            + ") after " + String.join(", ", committed) + " committed; run again to finish (the exports undo what committed)"),
            paths(written));
      }
    }
    return ApplyOutcome.success(paths(written));
  }

  private static ApplyOutcome refuse(DatabaseConnections connections, String message) {
    Transactions.rollback(connections);
    return ApplyOutcome.failure(message);
  }

  private Path exportFile(DatabaseSession session, DatabaseEndpoint endpoint) {
    String name = (declaration.id().type() + "-" + declaration.id().name()).replaceAll("[^A-Za-z0-9._+-]", "_");
    return session.exportDir().resolve(host.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(name + "." + endpoint.prefix() + ".sql");
  }

  private static ImmutableList<String> paths(List<Path> written) {
    return written.stream().map(p -> p.toAbsolutePath().toString()).collect(ImmutableList.toImmutableList());
  }

  private static void deleteQuietly(List<Path> files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the failure being reported matters more than a leftover export
      }
    }
  }
}
