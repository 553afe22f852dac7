package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseWaits;
import io.reconcile.db.engine.DatabaseException;
import io.reconcile.db.engine.Transactions;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.engine.DatabaseRole;

import com.google.common.collect.ImmutableMap;
import io.reconcile.state.Declaration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** A database invariant rendered for one host: observes it in read-only snapshots and plans the fix. */
public final class InvariantResource<F extends Findings> implements DatabaseResource {
  private final Declaration declaration;
  private final String host;
  private final Invariant<F> invariant;

  public InvariantResource(Declaration declaration, String host, Invariant<F> invariant) {
    this.declaration = declaration;
    this.host = host;
    this.invariant = invariant;
  }

  @Override
  public Declaration declaration() {
    return declaration;
  }

  /** Observes in one read-only REPEATABLE READ transaction per database: check mode writes nothing anywhere. */
  @Override
  public Optional<DatabasePlan> plan(DatabaseSession session) {
    ImmutableMap.Builder<DatabaseRole, Connection> open = ImmutableMap.builder();
    invariant.endpoints().byRole().forEach((db, endpoint) -> open.put(db, session.connection(endpoint)));
    DatabaseConnections connections = new DatabaseConnections(open.buildOrThrow());
    try {
      for (Connection connection : connections.distinct()) {
        connection.setAutoCommit(false);
        Sql.update(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      F findings = invariant.observe(connections);
      return findings.holds() ? Optional.empty() : Optional.of(new InvariantPlan<>(declaration, host, invariant, findings));
    } catch (SQLException e) {
      Transactions.rollback(connections);
      String why = DatabaseWaits.explain(e, InvariantTables.byConnection(invariant, connections), session.timeouts())
          .orElse(e.getMessage());
      throw new DatabaseException(declaration.id() + ": cannot read " + databases() + ": " + why + "; nothing read", e);
    } finally {
      Transactions.rollback(connections);
    }
  }

  private String databases() {
    return String.join(", ", invariant.endpoints().byRole().values().stream()
        .map(e -> e.prefix() + " (" + e.describe() + ")").toList());
  }
}
