package io.reconcile.db.quota;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import io.reconcile.db.engine.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a database has the 0.13 tables an invariant needs: the Astakos ones that migration 0015 creates
 * (im_resource, im_astakosuserquota, projects) and the quotaholder's, which snf-quotaholder-app's syncdb
 * creates. On a 0.12.5 database (before the migrations) the invariant reports a blocker instead of an
 * SQL error.
 */
public final class MigratedSchema {
  static final List<String> ASTAKOS = List.of("im_resource", "im_astakosuserquota", "im_projectmembership");
  static final List<String> QUOTAHOLDER =
      List.of("quotaholder_app_entity", "quotaholder_app_policy", "quotaholder_app_holding");
  public static final List<String> ALL = ImmutableList.<String>builder().addAll(ASTAKOS).addAll(QUOTAHOLDER).build();

  private MigratedSchema() {}

  /** The blocker for the first missing table of {@code tables}, if one is missing. */
  public static Optional<String> blocker(Connection astakos, List<String> tables) throws SQLException {
    for (String table : tables) {
      if (Sql.string(astakos, "SELECT to_regclass(?)::text", table).isEmpty()) {
        return Optional.of("the Astakos database has no " + table + " yet (0.12.5 schema): run snf-manage syncdb and"
            + " migrate on the Astakos host (guide 3.2) first");
      }
    }
    return Optional.empty();
  }

  /** Findings that hold nothing but the blocker. */
  public static Observed notMigrated(String blocker) {
    return new Observed(Offenders.none(), ImmutableList.of(blocker), "not migrated", "migrated");
  }
}
