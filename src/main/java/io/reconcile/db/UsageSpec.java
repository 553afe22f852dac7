package io.reconcile.db;

/** {@code quotas-usage}: holdings' usage equals what Cyclades and Pithos count (guide §9). */
public record UsageSpec(String name, DatabaseNames databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(Endpoints endpoints) {
    return new Usage(endpoints);
  }
}
