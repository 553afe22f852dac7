package io.reconcile.db.quotasusage;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guide §9 ({@code pithos-usage --reset}, {@code cyclades-reset-usage}): the usage of every holding of
 * an email-verified user (imported - exported + returned - released) equals what Cyclades and Pithos
 * count for its owner; a holding of a user who owns nothing counts zero. Unverified users have no
 * holdings (quotas-limits syncs verified users only, as astakos-quota does); their usage is not compared. Fixing sets each differing holding as reset_holding
 * does (imported = importing = the count; the other counters 0). Usage without a holding, or owned by a
 * name that fits several Astakos users, is refused: quotas-limits and users-unique come first.
 */
final class Usage implements Invariant<Observed> {
  private static final String COMPARED = """
      WITH counted(identity, vm, cpu, ram, disk, networks, bytes) AS (
          SELECT * FROM unnest(?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])),
      KEYS,
      resolved AS (SELECT c.*, k.uuid FROM counted c JOIN identity_keys k ON k.key = lower(c.identity)),
      ambiguous AS (SELECT identity FROM resolved GROUP BY identity HAVING count(DISTINCT uuid) > 1),
      per_user AS (
          SELECT r.uuid, sum(vm) AS vm, sum(cpu) AS cpu, sum(ram) AS ram, sum(disk) AS disk, sum(networks) AS networks,
                 sum(bytes) AS bytes
            FROM resolved r
           WHERE r.identity NOT IN (SELECT identity FROM ambiguous)
             AND EXISTS (SELECT 1 FROM im_astakosuser a WHERE a.uuid = r.uuid AND a.email_verified)
           GROUP BY r.uuid),
      usage AS (
          SELECT p.uuid, x.resource, x.value
            FROM per_user p
           CROSS JOIN LATERAL (VALUES ('cyclades.vm', p.vm), ('cyclades.cpu', p.cpu), ('cyclades.ram', p.ram), ('cyclades.disk', p.disk),
                                      ('cyclades.network.private', p.networks), ('PITHOS', p.bytes)) AS x(resource, value)
           WHERE x.value <> 0 AND x.resource = ANY(?::text[])),
      holdings AS (
          SELECT h.id, h.entity_id AS uuid, h.resource, h.imported - h.exported + h.returned - h.released AS held
            FROM quotaholder_app_holding h
           WHERE h.resource = ANY(?::text[])
             AND EXISTS (SELECT 1 FROM im_astakosuser a WHERE a.uuid = h.entity_id AND a.email_verified)),
      compared AS (
          SELECT coalesce(h.uuid, u.uuid) AS uuid, coalesce(h.resource, u.resource) AS resource, h.id AS holding_id, h.held,
                 coalesce(u.value, 0) AS counted
            FROM holdings h FULL JOIN usage u ON u.uuid = h.uuid AND u.resource = h.resource)
      """.replace("KEYS", Identities.KEYS).replace("PITHOS", CountedUsage.PITHOS_RESOURCE);
  private static final String DIFFERS = "(holding_id IS NULL OR held <> counted)";
  private static final String OFFENDERS = COMPARED + """
      SELECT uuid, uuid || ' ' || resource || coalesce(' usage=' || held, ' (no holding)'), uuid || ' ' || resource || ' usage=' || counted
        FROM compared WHERE DIFFERS""".replace("DIFFERS", DIFFERS);
  private static final String BLOCKERS = COMPARED + """
      SELECT 'no holding for ' || count(*) || ' counted usages (of ' || count(DISTINCT uuid) || ' users); apply quotas-limits first'
        FROM compared WHERE holding_id IS NULL HAVING count(*) > 0
      UNION ALL
      SELECT count(*) || ' owners match several Astakos users (' || string_agg(identity, ', ' ORDER BY identity) || '); apply users-unique first'
        FROM (SELECT identity FROM ambiguous ORDER BY identity LIMIT 5) AS shown HAVING count(*) > 0""";

  private final DatabaseEndpoints endpoints;
  private final ImmutableList<String> resources;

  Usage(DatabaseEndpoints endpoints) {
    this.endpoints = endpoints;
    ImmutableList.Builder<String> counted = ImmutableList.builder();
    if (endpoints.has(DatabaseRole.CYCLADES)) {
      counted.addAll(CountedUsage.CYCLADES_RESOURCES);
    }
    if (endpoints.has(DatabaseRole.PITHOS)) {
      counted.add(CountedUsage.PITHOS_RESOURCE);
    }
    this.resources = counted.build();
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    locks.add(TableLock.read(DatabaseRole.ASTAKOS, "auth_user"), TableLock.read(DatabaseRole.ASTAKOS, "im_astakosuser"),
        TableLock.write(DatabaseRole.ASTAKOS, "quotaholder_app_holding"));
    if (endpoints.has(DatabaseRole.CYCLADES)) {
      locks.add(TableLock.read(DatabaseRole.CYCLADES, "db_virtualmachine"), TableLock.read(DatabaseRole.CYCLADES, "db_flavor"),
          TableLock.read(DatabaseRole.CYCLADES, "db_network"));
    }
    if (endpoints.has(DatabaseRole.PITHOS)) {
      locks.add(TableLock.read(DatabaseRole.PITHOS, "nodes"), TableLock.read(DatabaseRole.PITHOS, "versions"));
    }
    return locks.build();
  }

  @Override
  public Observed observe(DatabaseConnections db) throws SQLException {
    Optional<String> notMigrated = MigratedSchema.blocker(db.get(DatabaseRole.ASTAKOS), MigratedSchema.ALL);
    if (notMigrated.isPresent()) {
      return MigratedSchema.notMigrated(notMigrated.get());
    }
    Object[] params = params(db);
    Connection astakos = db.get(DatabaseRole.ASTAKOS);
    Offenders offenders = Offenders.query(astakos, OFFENDERS, params);
    ImmutableList<String> blockers = offenders.isEmpty() ? ImmutableList.of() : Sql.strings(astakos, BLOCKERS, params);
    return new Observed(offenders, blockers, "usage differs for " + offenders.subjects() + " users (" + offenders.count() + " holdings)",
        "holdings' usage equals what " + (resources.size() == 1 ? "Pithos counts" : endpoints.has(DatabaseRole.PITHOS) ? "Cyclades and Pithos count" : "Cyclades counts"));
  }

  private Object[] params(DatabaseConnections db) throws SQLException {
    CountedUsage counted = new CountedUsage();
    if (db.has(DatabaseRole.CYCLADES)) {
      counted.readCyclades(db.get(DatabaseRole.CYCLADES));
    }
    if (db.has(DatabaseRole.PITHOS)) {
      counted.readPithos(db.get(DatabaseRole.PITHOS));
    }
    List<Object> params = new ArrayList<>(List.of(counted.params()));
    params.add(resources.toArray(String[]::new));
    params.add(resources.toArray(String[]::new));
    return params.toArray();
  }

  @Override
  public void fix(Observed findings, DatabaseConnections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(DatabaseRole.ASTAKOS);
    Sql.update(astakos.connection(), "CREATE TEMPORARY TABLE reconcile_usage (holding_id integer PRIMARY KEY, counted numeric) ON COMMIT DROP");
    Sql.update(astakos.connection(), "INSERT INTO reconcile_usage " + COMPARED
        + " SELECT holding_id, counted FROM compared WHERE holding_id IS NOT NULL AND held <> counted", params(db));
    astakos.rewrite("quotaholder_app_holding", List.of("id"), "t.id IN (SELECT holding_id FROM reconcile_usage)", new Object[0], """
        UPDATE quotaholder_app_holding h
           SET imported = u.counted, importing = u.counted, exported = 0, exporting = 0,
               returned = 0, "returning" = 0, released = 0, releasing = 0
          FROM reconcile_usage u WHERE h.id = u.holding_id""");
  }
}
