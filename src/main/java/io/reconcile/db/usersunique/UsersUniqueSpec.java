package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;

/**
 * {@code users-unique} (guide §2, §6.1, §6.2): no two Astakos users share an email compared
 * case-insensitively, and neither do Cyclades owners (VMs, networks, key pairs) nor Pithos accounts.
 *
 * @param keep Astakos user ids that survive in their groups, whatever the rule says
 * @param cyclades what happens to the Cyclades data of the spellings that go
 * @param pithos what happens to the Pithos accounts of the spellings that go
 * @param pithosCollisions what a merge does with an object path both accounts hold
 */
public record UsersUniqueSpec(String name, DatabaseVariables databases, SurvivorRule survivor, ImmutableSet<Integer> keep,
    Strategy cyclades, Strategy pithos, Collisions pithosCollisions) implements InvariantSpec {

  /**
   * refuse: the merge stops (nothing written); history: the keeper's object passes to history, as
   * pithos-manage-accounts does.
   */
  public enum Collisions {
    REFUSE,
    HISTORY;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Collisions refused (the default). */
  public UsersUniqueSpec(String name, DatabaseVariables databases, SurvivorRule survivor, ImmutableSet<Integer> keep,
      Strategy cyclades, Strategy pithos) {
    this(name, databases, survivor, keep, cyclades, pithos, Collisions.REFUSE);
  }

  /** merge: the data moves to the surviving spelling; delete: it is deleted (exported first). */
  public enum Strategy {
    MERGE,
    DELETE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new UsersUnique(endpoints, this);
  }
}
