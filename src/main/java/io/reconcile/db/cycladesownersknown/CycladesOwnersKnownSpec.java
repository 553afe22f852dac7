package io.reconcile.db.cycladesownersknown;

import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;

/** {@code cyclades-owners-known}: no Cyclades owner is an email Astakos does not know (guide §6.3). */
public record CycladesOwnersKnownSpec(String name, DatabaseVariables databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new CycladesOwnersKnown(endpoints);
  }
}
