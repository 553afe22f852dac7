package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;

/** What one observation of an invariant found: whether it holds, and if not, what apply would change. */
public interface Findings {
  boolean holds();

  /** Identifies everything apply would act on; apply refuses when a fresh look under locks differs. */
  String digest();

  /** Reasons apply cannot fix this by itself (e.g. a Pithos path collision); empty when it can. */
  ImmutableList<String> blockers();

  /** For the report: a short before / after and the offender rows. */
  Change change();
}
