package io.reconcile.db;

import com.google.common.collect.ImmutableList;
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
 * Guide §7 ({@code pithos-export-quota}, {@code cyclades-export-quota}, {@code user-set-initial-quota}):
 * every old per-user quota that differs from its old default exists as the user's im_astakosuserquota row
 * (capacity, quantity 0, import and export limit 10^32), the service's owner name (email or uuid) mapped
 * to the Astakos user. Owners unknown to Astakos (or without a uuid yet) are skipped, as
 * user-set-initial-quota skips them. Where several spellings of one user carry different values, the
 * spelling equal to the user's email (or uuid) wins; without one, as for an owner that fits several
 * users or an unregistered resource, apply refuses.
 */
final class InitialQuota implements Invariant<Observed> {
  private static final String COMPARED = """
      WITH entries(identity, resource, capacity) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[])),
      KEYS,
      resources AS (SELECT r.id, s.name || '.' || r.name AS resource FROM im_resource r JOIN im_service s ON s.id = r.service_id),
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
  private static final String DIFFERS = ("resource_id IS NOT NULL AND (quota_id IS NULL OR"
      + " (had_capacity, had_quantity, had_import_limit, had_export_limit) IS DISTINCT FROM (capacity, 0, INF, INF))")
      .replace("INF", Quantities.INFINITE.toString());
  private static final String OFFENDERS = COMPARED + """
      SELECT uuid,
             uuid || ' ' || resource || CASE WHEN quota_id IS NULL THEN ' (default)'
               ELSE ' ' || HAD END,
             uuid || ' ' || resource || ' ' || capacity || ' 0 10^32 10^32'
        FROM compared WHERE DIFFERS""".replace("DIFFERS", DIFFERS).replace("HAD", Quantities.text("had_capacity") + " || ' ' || " + Quantities.text("had_quantity")
        + " || ' ' || " + Quantities.text("had_import_limit") + " || ' ' || " + Quantities.text("had_export_limit"));
  private static final String BLOCKERS = COMPARED + """
      SELECT 'resource ' || resource || ' is not registered; apply services-registered first'
        FROM (SELECT DISTINCT resource FROM compared WHERE resource_id IS NULL) AS missing
      UNION ALL
      SELECT count(*) || ' owners match several Astakos users (' || string_agg(identity, ', ' ORDER BY identity) || '); apply users-unique first'
        FROM (SELECT identity FROM ambiguous ORDER BY identity LIMIT 5) AS shown HAVING count(*) > 0
      UNION ALL
      SELECT 'user ' || uuid || ' has different values for ' || resource || ' under spellings other than its email; keep one'
        FROM per_user WHERE capacity IS NULL""";
  private static final String PITHOS_QUOTAS = """
      SELECT n.path, p.value FROM nodes n JOIN policy p ON p.node = n.node AND p.key = 'quota'
       WHERE n.node <> 0 AND n.parent = 0 AND p.value ~ '^[0-9]+$'""";

  private final Endpoints endpoints;
  private final Optional<BigInteger> pithosDefault;
  private final InitialQuotaSpec.Settings vms;
  private final InitialQuotaSpec.Settings networks;

  InitialQuota(Endpoints endpoints, Optional<BigInteger> pithosDefault, InitialQuotaSpec.Settings vms, InitialQuotaSpec.Settings networks) {
    this.endpoints = endpoints;
    this.pithosDefault = pithosDefault;
    this.vms = vms;
    this.networks = networks;
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    for (String table : List.of("auth_user", "im_astakosuser", "im_resource", "im_service")) {
      locks.add(TableLock.read(Db.ASTAKOS, table));
    }
    locks.add(TableLock.write(Db.ASTAKOS, "im_astakosuserquota"));
    if (endpoints.has(Db.PITHOS)) {
      locks.add(TableLock.read(Db.PITHOS, "nodes"), TableLock.read(Db.PITHOS, "policy"));
    }
    return locks.build();
  }

  @Override
  public Observed observe(Connections db) throws SQLException {
    Optional<String> notMigrated = MigratedSchema.blocker(db.get(Db.ASTAKOS), MigratedSchema.ASTAKOS);
    if (notMigrated.isPresent()) {
      return MigratedSchema.notMigrated(notMigrated.get());
    }
    Object[] entries = entries(db);
    Connection astakos = db.get(Db.ASTAKOS);
    Offenders offenders = Offenders.query(astakos, OFFENDERS, entries);
    ImmutableList<String> blockers = Sql.strings(astakos, BLOCKERS, entries);
    return new Observed(offenders, blockers, offenders.count() + " initial quotas missing or different (" + offenders.subjects() + " users)",
        "every old per-user quota is an Astakos user quota");
  }

  /** (owner, resource, capacity) of every old per-user quota that differs from its old default. */
  private Object[] entries(Connections db) throws SQLException {
    List<String> identities = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    List<BigDecimal> capacities = new ArrayList<>();
    if (db.has(Db.PITHOS)) {
      try (PreparedStatement statement = db.get(Db.PITHOS).prepareStatement(PITHOS_QUOTAS); ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          BigInteger quota = new BigInteger(rs.getString(2));
          if (pithosDefault.map(d -> !d.equals(quota)).orElse(true)) {
            identities.add(rs.getString(1));
            resources.add(CountedUsage.PITHOS_RESOURCE);
            capacities.add(new BigDecimal(quota));
          }
        }
      }
    }
    for (Map.Entry<String, InitialQuotaSpec.Settings> setting : List.of(Map.entry("cyclades.vm", vms),
        Map.entry("cyclades.network.private", networks))) {
      setting.getValue().users().forEach((user, value) -> {
        if (setting.getValue().defaultValue().map(d -> !d.equals(value)).orElse(true)) {
          identities.add(user);
          resources.add(setting.getKey());
          capacities.add(new BigDecimal(value));
        }
      });
    }
    return new Object[] {identities.toArray(String[]::new), resources.toArray(String[]::new), capacities.toArray(BigDecimal[]::new)};
  }

  @Override
  public void fix(Observed findings, Connections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(Db.ASTAKOS);
    Sql.update(astakos.connection(), "CREATE TEMPORARY TABLE reconcile_initial"
        + " (quota_id integer, user_id integer, resource_id integer, capacity numeric) ON COMMIT DROP");
    Sql.update(astakos.connection(), "INSERT INTO reconcile_initial " + COMPARED
        + " SELECT quota_id, user_id, resource_id, capacity FROM compared WHERE " + DIFFERS, entries(db));
    astakos.rewrite("im_astakosuserquota", List.of("id"), "t.id IN (SELECT quota_id FROM reconcile_initial)", new Object[0],
        "UPDATE im_astakosuserquota q SET capacity = i.capacity, quantity = 0, import_limit = INF, export_limit = INF"
            .replace("INF", Quantities.INFINITE.toString())
            + " FROM reconcile_initial i WHERE q.id = i.quota_id");
    astakos.insert("im_astakosuserquota", List.of("id"), """
        INSERT INTO im_astakosuserquota AS t (capacity, quantity, import_limit, export_limit, resource_id, user_id)
        SELECT capacity, 0, INF, INF, resource_id, user_id FROM reconcile_initial WHERE quota_id IS NULL
        RETURNING row_to_json(t)::text""".replace("INF", Quantities.INFINITE.toString()));
  }
}
