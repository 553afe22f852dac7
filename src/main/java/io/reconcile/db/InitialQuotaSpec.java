package io.reconcile.db;

import com.google.common.collect.ImmutableMap;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code quotas-initial} (guide §7): per-user quotas of the old services exist as im_astakosuserquota
 * rows. Pithos account quotas are read from the Pithos database; Cyclades' VMS_USER_QUOTA and
 * NETWORKS_USER_QUOTA settings are declared. Values equal to the old default are not migrated (the new
 * Astakos default applies); without a declared default every value is.
 */
public record InitialQuotaSpec(String name, DatabaseNames databases, Optional<BigInteger> pithosDefault, Settings vms,
    Settings networks) implements InvariantSpec {

  /** A per-user setting of Cyclades: the default (MAX_..._PER_USER) and the per-user values (email or uuid). */
  public record Settings(Optional<BigInteger> defaultValue, ImmutableMap<String, BigInteger> users) {
    static Settings none() {
      return new Settings(Optional.empty(), ImmutableMap.of());
    }
  }

  @Override
  public Invariant<?> invariant(Endpoints endpoints) {
    return new InitialQuota(endpoints, pithosDefault, vms, networks);
  }
}
