package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;

/** Findings that an {@link Observed} sums up, carrying besides it what the fix needs. */
public interface ObservedFindings extends Findings {
  Observed observed();

  @Override
  default boolean holds() {
    return observed().holds();
  }

  @Override
  default String digest() {
    return observed().digest();
  }

  @Override
  default ImmutableList<String> blockers() {
    return observed().blockers();
  }

  @Override
  default Change change() {
    return observed().change();
  }
}
