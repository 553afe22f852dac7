package io.reconcile.db;

import io.reconcile.db.engine.DatabaseEndpoints;

import io.reconcile.state.DatabaseSpec;

/** A database invariant's declaration: the databases it names and the logic it becomes once they resolve. */
public interface InvariantSpec extends DatabaseSpec {
  DatabaseVariables databases();

  Invariant<?> invariant(DatabaseEndpoints endpoints);
}
