package io.reconcile.db;

/** {@code quotas-limits}: every email-verified user's quotaholder policies equal their effective quota (guide §8). */
public record LimitsSpec(String name, DatabaseVariables databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new Limits(endpoints);
  }
}
