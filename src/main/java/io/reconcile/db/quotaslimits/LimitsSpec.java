package io.reconcile.db.quotaslimits;

import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;

/** {@code quotas-limits}: every email-verified user's quotaholder policies equal their effective quota (guide §8). */
public record LimitsSpec(String name, DatabaseVariables databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new Limits(endpoints);
  }
}
