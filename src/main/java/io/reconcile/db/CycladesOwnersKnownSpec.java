package io.reconcile.db;

/** {@code cyclades-owners-known}: no Cyclades owner is an email Astakos does not know (guide §6.3). */
public record CycladesOwnersKnownSpec(String name, DatabaseNames databases) implements InvariantSpec {
  @Override
  public Invariant<?> invariant(Endpoints endpoints) {
    return new CycladesOwnersKnown(endpoints);
  }
}
