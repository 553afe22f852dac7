package io.reconcile.db.quotasinitial;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.Invariant;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.quota.CountedUsage;
import io.reconcile.db.quota.Identities;
import io.reconcile.db.quota.MigratedSchema;
import io.reconcile.db.quota.Quantities;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guide §7 ({@code pithos-export-quota}, {@code cyclades-export-quota}, {@code user-set-initial-quota
 * --from-file}): every explicit old per-user quota is the user's im_astakosuserquota row as the real
 * export and import write it: capacity = the value, quantity 0, import and export limit 10^30 (the
 * exporters' infinite), the service's owner name (email or uuid) mapped to the Astakos user's uuid. The
 * exporters export every explicit row, also one equal to the old default (13:snf-pithos-app/pithos/api/
 * management/commands/pithos-export-quota.py:55-81, 13:snf-cyclades-app/synnefo/api/management/commands/
 * cyclades-export-quota.py:43-74). Owners unknown to Astakos (or without a uuid yet) are skipped, as
 * user-set-initial-quota skips them. Where several spellings of one user carry different values, the
 * spelling equal to the user's email (or uuid) wins; without one, as for an owner that fits several users
 * or an unregistered resource, apply refuses.
 *
 * <p>No user's quota may go down unless declared ({@code allow_decrease}): an old Pithos quota 0 means
 * unlimited, but the export writes capacity 0 (nothing allowed), so it needs {@code pithos_unlimited_quota};
 * and the users without an explicit value get the registered uplimit, which must not be below the old
 * default (the guide's note: keep them equal; facts §7.9: the 0.13 defaults vm 2 and network.private 1
 * are below 0.12.5's 3 and 5).
 */
final class InitialQuota implements Invariant<Observed> {
  static final String VM = "cyclades.vm";
  static final String NETWORK = "cyclades.network.private";
  private static final String COMPARED = """
      WITH entries(identity, resource, capacity) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[])),
      KEYS,
      resources AS (
          SELECT r.id, s.name || '.' || r.name AS resource, r.uplimit FROM im_resource r JOIN im_service s ON s.id = r.service_id),
      resolved AS (
          SELECT e.identity, e.resource, e.capacity, k.uuid, k.user_id, (e.identity = u.email OR e.identity = k.uuid) AS exact
            FROM entries e JOIN identity_keys k ON k.key = lower(e.identity) JOIN auth_user u ON u.id = k.user_id),
      ambiguous AS (SELECT identity FROM resolved GROUP BY identity HAVING count(DISTINCT uuid) > 1),
      per_user AS (
          -- several spellings of one user with different values: the user's own spelling decides
          SELECT user_id, uuid, resource,
                 CASE WHEN count(DISTINCT capacity) = 1 THEN min(capacity)
                      WHEN count(DISTINCT capacity) FILTER (WHERE exact) = 1 THEN min(capacity) FILTER (WHERE exact) END AS capacity
            FROM resolved
           WHERE identity NOT IN (SELECT identity FROM ambiguous) GROUP BY user_id, uuid, resource),
      compared AS (
          SELECT p.*, r.id AS resource_id, q.id AS quota_id, q.capacity AS had_capacity, q.quantity AS had_quantity,
                 q.import_limit AS had_import_limit, q.export_limit AS had_export_limit
            FROM per_user p
            LEFT JOIN resources r ON r.resource = p.resource
            LEFT JOIN im_astakosuserquota q ON q.user_id = p.user_id AND q.resource_id = r.id
           WHERE p.capacity IS NOT NULL)
      """.replace("KEYS", Identities.KEYS);
  private static final String INF = Quantities.EXPORT_INFINITE.toString();
  private static final String DIFFERS = ("resource_id IS NOT NULL AND (quota_id IS NULL OR"
      + " (had_capacity, had_quantity, had_import_limit, had_export_limit) IS DISTINCT FROM (capacity, 0, INF, INF))")
      .replace("INF", INF);
  private static final String OFFENDERS = COMPARED + """
      SELECT uuid,
             uuid || ' ' || resource || CASE WHEN quota_id IS NULL THEN ' (default)'
               ELSE ' ' || HAD END,
             uuid || ' ' || resource || ' ' || CAPACITY || ' 0 10^30 10^30'
        FROM compared WHERE DIFFERS""".replace("DIFFERS", DIFFERS).replace("HAD", text("had_capacity") + " || ' ' || "
        + text("had_quantity") + " || ' ' || " + text("had_import_limit") + " || ' ' || " + text("had_export_limit"))
        .replace("CAPACITY", text("capacity"));
  private static final String BLOCKERS = COMPARED + """
      SELECT 'resource ' || resource || ' is not registered; apply services-registered first'
        FROM (SELECT DISTINCT resource FROM compared WHERE resource_id IS NULL) AS missing
      UNION ALL
      SELECT count(*) || ' owners match several Astakos users (' || string_agg(identity, ', ' ORDER BY identity) || '); apply users-unique first'
        FROM (SELECT identity FROM ambiguous ORDER BY identity LIMIT 5) AS shown HAVING count(*) > 0
      UNION ALL
      SELECT 'user ' || uuid || ' has different values for ' || resource || ' under spellings other than its email; keep one'
        FROM per_user WHERE capacity IS NULL""";
  /** Users without an explicit value (old or already migrated) get the uplimit: below the old default, they lose. */
  private static final String DECREASES = COMPARED + """
      , defaults(resource, old_default) AS (SELECT * FROM unnest(?::text[], ?::numeric[])),
      verified AS (SELECT a.user_ptr_id AS id FROM im_astakosuser a WHERE a.email_verified AND coalesce(a.uuid, '') <> '')
      SELECT count(*) || ' users without a per-user ' || d.resource || ' quota would go from ' || d.old_default
             || ' (the old default) to ' || r.uplimit || ' (its registered uplimit): register it with uplimit ' || d.old_default
             || ' in services-registered (the guide: keep the defaults equal), or list it in allow_decrease'
        FROM defaults d JOIN resources r ON r.resource = d.resource CROSS JOIN verified u
       WHERE r.uplimit < d.old_default
         AND NOT EXISTS (SELECT 1 FROM per_user p WHERE p.user_id = u.id AND p.resource = d.resource)
         AND NOT EXISTS (SELECT 1 FROM im_astakosuserquota q WHERE q.user_id = u.id AND q.resource_id = r.id)
       GROUP BY d.resource, d.old_default, r.uplimit
       ORDER BY d.resource""";
  private static final String PITHOS_QUOTAS = """
      SELECT n.path, p.value FROM nodes n JOIN policy p ON p.node = n.node AND p.key = 'quota'
       WHERE n.node <> 0 AND n.parent = 0 AND p.value ~ '^[0-9]+$'""";

  private final DatabaseEndpoints endpoints;
  private final InitialQuotaSpec spec;

  InitialQuota(DatabaseEndpoints endpoints, InitialQuotaSpec spec) {
    this.endpoints = endpoints;
    this.spec = spec;
  }

  /** Quantities as the diff shows them: 10^30 and 10^32 by name. */
  private static String text(String column) {
    return "(CASE WHEN " + column + " = " + INF + " THEN '10^30' ELSE " + Quantities.text(column) + " END)";
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    for (String table : List.of("auth_user", "im_astakosuser", "im_resource", "im_service")) {
      locks.add(TableLock.read(DatabaseRole.ASTAKOS, table));
    }
    locks.add(TableLock.write(DatabaseRole.ASTAKOS, "im_astakosuserquota"));
    if (endpoints.has(DatabaseRole.PITHOS)) {
      locks.add(TableLock.read(DatabaseRole.PITHOS, "nodes"), TableLock.read(DatabaseRole.PITHOS, "policy"));
    }
    return locks.build();
  }

  @Override
  public Observed observe(DatabaseConnections db) throws SQLException {
    Optional<String> notMigrated = MigratedSchema.blocker(db.get(DatabaseRole.ASTAKOS), MigratedSchema.ALL);
    if (notMigrated.isPresent()) {
      return MigratedSchema.notMigrated(notMigrated.get());
    }
    Entries entries = entries(db);
    Connection astakos = db.get(DatabaseRole.ASTAKOS);
    Offenders offenders = Offenders.query(astakos, OFFENDERS, entries.params());
    List<String> blockers = new ArrayList<>(Sql.strings(astakos, BLOCKERS, entries.params()));
    if (entries.unlimited() > 0) {
      blockers.add(entries.unlimited() + " Pithos accounts have quota 0 (unlimited at 0.12.5), which pithos-export-quota exports as"
          + " capacity 0 (nothing allowed): declare pithos_unlimited_quota (10^32 keeps them practically unlimited), or list "
          + CountedUsage.PITHOS_RESOURCE + " in allow_decrease to write 0 as the export does");
    }
    blockers.addAll(Sql.strings(astakos, DECREASES, concat(entries.params(), defaults())));
    return new Observed(offenders, ImmutableList.copyOf(blockers),
        offenders.count() + " initial quotas missing or different (" + offenders.subjects() + " users)",
        "every old per-user quota is an Astakos user quota");
  }

  /** The explicit old quotas as (owner, resource, capacity) arrays, and how many unlimited ones lack a declared value. */
  private record Entries(Object[] params, int unlimited) {}

  private Entries entries(DatabaseConnections db) throws SQLException {
    List<String> identities = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    List<BigDecimal> capacities = new ArrayList<>();
    int unlimited = 0;
    if (db.has(DatabaseRole.PITHOS)) {
      try (PreparedStatement statement = db.get(DatabaseRole.PITHOS).prepareStatement(PITHOS_QUOTAS); ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          BigInteger quota = new BigInteger(rs.getString(2));
          Optional<BigInteger> capacity = quota.signum() != 0 ? Optional.of(quota)
              : spec.pithosUnlimited().or(() -> spec.allowDecrease().contains(CountedUsage.PITHOS_RESOURCE)
                  ? Optional.of(BigInteger.ZERO) : Optional.empty());
          if (capacity.isEmpty()) {
            unlimited++;
            continue;
          }
          identities.add(rs.getString(1));
          resources.add(CountedUsage.PITHOS_RESOURCE);
          capacities.add(new BigDecimal(capacity.get()));
        }
      }
    }
    for (Map.Entry<String, InitialQuotaSpec.Settings> setting : List.of(Map.entry(VM, spec.vms()), Map.entry(NETWORK, spec.networks()))) {
      setting.getValue().users().forEach((user, value) -> {
        identities.add(user);
        resources.add(setting.getKey());
        capacities.add(new BigDecimal(value));
      });
    }
    Object[] params = {identities.toArray(String[]::new), resources.toArray(String[]::new), capacities.toArray(BigDecimal[]::new)};
    return new Entries(params, unlimited);
  }

  /** (resource, old default) of the migrated resources whose default users must not lose. */
  private Object[] defaults() {
    List<String> resources = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    spec.pithosDefault().ifPresent(d -> {
      resources.add(CountedUsage.PITHOS_RESOURCE);
      values.add(new BigDecimal(d));
    });
    spec.vms().defaultValue().ifPresent(d -> {
      resources.add(VM);
      values.add(new BigDecimal(d));
    });
    spec.networks().defaultValue().ifPresent(d -> {
      resources.add(NETWORK);
      values.add(new BigDecimal(d));
    });
    for (int i = resources.size() - 1; i >= 0; i--) {
      if (spec.allowDecrease().contains(resources.get(i))) {
        resources.remove(i);
        values.remove(i);
      }
    }
    return new Object[] {resources.toArray(String[]::new), values.toArray(BigDecimal[]::new)};
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Override
  public void fix(Observed findings, DatabaseConnections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(DatabaseRole.ASTAKOS);
    Sql.update(astakos.connection(), "CREATE TEMPORARY TABLE reconcile_initial"
        + " (quota_id integer, user_id integer, resource_id integer, capacity numeric) ON COMMIT DROP");
    Sql.update(astakos.connection(), "INSERT INTO reconcile_initial " + COMPARED
        + " SELECT quota_id, user_id, resource_id, capacity FROM compared WHERE " + DIFFERS, entries(db).params());
    astakos.rewrite("im_astakosuserquota", List.of("id"), "t.id IN (SELECT quota_id FROM reconcile_initial)", new Object[0],
        "UPDATE im_astakosuserquota q SET capacity = i.capacity, quantity = 0, import_limit = INF, export_limit = INF"
            .replace("INF", INF) + " FROM reconcile_initial i WHERE q.id = i.quota_id");
    astakos.insert("im_astakosuserquota", List.of("id"), """
        INSERT INTO im_astakosuserquota AS t (capacity, quantity, import_limit, export_limit, resource_id, user_id)
        SELECT capacity, 0, INF, INF, resource_id, user_id FROM reconcile_initial WHERE quota_id IS NULL
        RETURNING row_to_json(t)::text""".replace("INF", INF));
  }
}
