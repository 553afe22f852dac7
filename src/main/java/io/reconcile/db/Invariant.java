package io.reconcile.db;

import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.DatabaseRole;

import com.google.common.collect.ImmutableList;
import java.sql.SQLException;

/**
 * One database invariant's logic: how to observe it and how to fix what an observation found. The
 * transactions around both are {@link InvariantResource}'s and {@link InvariantPlan}'s.
 */
public interface Invariant<F extends Findings> {
  DatabaseEndpoints endpoints();

  /** Tables apply locks (per database) before it looks again: those it reads and those it writes. */
  ImmutableList<TableLock> locks();

  /** Reads (never writes) the databases; inside a read-only snapshot for check, under locks for apply. */
  F observe(DatabaseConnections db) throws SQLException;

  /**
   * Writes exactly what {@code findings} (a fresh observation, under locks) call for, through
   * {@code changes} so that every row is exported; {@code db} is for reading.
   */
  void fix(F findings, DatabaseConnections db, Changes changes) throws SQLException;

  /** A table to lock in one database; {@code write} for tables apply changes. */
  record TableLock(DatabaseRole db, String table, boolean write) {
    public static TableLock read(DatabaseRole db, String table) {
      return new TableLock(db, table, false);
    }

    public static TableLock write(DatabaseRole db, String table) {
      return new TableLock(db, table, true);
    }
  }

  /** The apply's writers, one per database. */
  interface Changes {
    RowChanges of(DatabaseRole db);
  }
}
