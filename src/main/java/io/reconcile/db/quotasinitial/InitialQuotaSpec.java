package io.reconcile.db.quotasinitial;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code quotas-initial} (guide §7): the old services' explicit per-user quotas are im_astakosuserquota
 * rows, as pithos-export-quota / cyclades-export-quota + user-set-initial-quota --from-file write them
 * (every explicit row, infinite 10^30), with uuids. Pithos account quotas are read from the Pithos
 * database; Cyclades' VMS_USER_QUOTA and NETWORKS_USER_QUOTA are declared.
 *
 * @param pithosDefault the old PITHOS_BACKEND_QUOTA (what an account without a quota row had)
 * @param pithosUnlimited what an old Pithos quota 0 (unlimited) becomes; the real export writes 0, which
 *     0.13 reads as "nothing allowed"
 * @param allowDecrease resources whose effective quota may go down for some users (declared choice)
 */
public record InitialQuotaSpec(String name, DatabaseVariables databases, Optional<BigInteger> pithosDefault,
    Optional<BigInteger> pithosUnlimited, Settings vms, Settings networks, ImmutableSet<String> allowDecrease)
    implements InvariantSpec {
  /** 0.12.5's PITHOS_BACKEND_QUOTA (12:snf-pithos-app/pithos/api/settings.py:37). */
  static final BigInteger PITHOS_BACKEND_QUOTA = BigInteger.valueOf(50L * 1024 * 1024 * 1024);
  /**
   * 0.12.5's MAX_VMS_PER_USER and MAX_NETWORKS_PER_USER
   * (12:snf-cyclades-app/synnefo/app_settings/default/api.py:108-119).
   */
  static final BigInteger MAX_VMS_PER_USER = BigInteger.valueOf(3);
  static final BigInteger MAX_NETWORKS_PER_USER = BigInteger.valueOf(5);

  /**
   * A per-user setting of Cyclades: the default (MAX_..._PER_USER) and the per-user values (email or
   * uuid). No default: the setting is not migrated (not declared).
   */
  public record Settings(Optional<BigInteger> defaultValue, ImmutableMap<String, BigInteger> users) {
    public static Settings none() {
      return new Settings(Optional.empty(), ImmutableMap.of());
    }
  }

  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new InitialQuota(endpoints, this);
  }
}
