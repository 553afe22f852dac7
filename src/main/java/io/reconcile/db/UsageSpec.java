package io.reconcile.db;

/** {@code quotas-usage}: holdings' usage equals what Cyclades and Pithos count (guide §9). */
public record UsageSpec(String name, DatabaseVariables databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new Usage(endpoints);
  }
}
