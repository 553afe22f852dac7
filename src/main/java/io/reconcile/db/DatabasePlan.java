package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;

import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;

/** How a database differs from its invariant, as observed, and the transaction that fixes exactly that. */
public interface DatabasePlan {
  /** Before / after / offender rows, for the report. */
  Change change();

  /**
   * In one transaction: re-read and lock what it changes, abort (nothing written) if that moved since it
   * was observed, export every row it deletes or rewrites, then write. The outcome's backups name the
   * export files.
   */
  ApplyOutcome apply(DatabaseSession session);
}
