package io.reconcile.db.quotasusage;

import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;

/** {@code quotas-usage}: holdings' usage equals what Cyclades and Pithos count (guide §9). */
public record UsageSpec(String name, DatabaseVariables databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new Usage(endpoints);
  }
}
