package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.ObservedFindings;
import io.reconcile.db.Observed;

/** What users-unique found: per email, who survives in Astakos and which spelling keeps each service's data. */
record UsersFindings(ImmutableList<Removal> astakos, ImmutableList<Reduction> cyclades, ImmutableList<Reduction> pithos,
    Observed observed) implements ObservedFindings {

  /** Astakos accounts sharing {@code key}: the survivor and the accounts removed. */
  record Removal(String key, AstakosAccount survivor, ImmutableList<AstakosAccount> losers) {}

  /** A service's spellings of {@code key}: the one that keeps the data and the others. */
  record Reduction(String key, DuplicateGroups.Spelling keeper, ImmutableList<DuplicateGroups.Spelling> others) {}
}
