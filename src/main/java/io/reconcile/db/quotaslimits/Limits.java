package io.reconcile.db.quotaslimits;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.Invariant;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.quota.MigratedSchema;
import io.reconcile.db.quota.Quantities;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Guide §8, {@code astakos-quota --verify / --sync}: for every email-verified user and every registered
 * resource, the quotaholder holding's policy equals the user's effective quota (default, replaced by the
 * user's own row, plus the member grants of the application each active membership is synced to, not
 * the project's current one: 13:snf-astakos-app/astakos/im/models.py:844-897). Fixing it creates missing
 * entities (owner {@code system}, key '1'; {@code system} itself as the quotaholder's fixture has it,
 * key '') and holdings, and gives each differing holding a new policy
 * (as quotaholder's set_quota does: policies may be shared, so none is changed in place); policies left
 * without holdings are deleted.
 */
final class Limits implements Invariant<Observed> {
  /** Effective quota per (user uuid, resource), and the holding and policy the quotaholder has for it. */
  static final String COMPARED = """
      WITH resources AS (
        SELECT r.id, s.name || '.' || r.name AS resource, r.uplimit
          FROM im_resource r JOIN im_service s ON s.id = r.service_id),
      users AS (
        SELECT a.user_ptr_id AS id, a.uuid FROM im_astakosuser a WHERE a.email_verified AND coalesce(a.uuid, '') <> ''),
      grants AS (
        SELECT m.person_id, g.resource_id, sum(g.member_capacity) AS capacity,
               sum(g.member_import_limit) AS import_limit, sum(g.member_export_limit) AS export_limit
          FROM im_projectmembership m
          JOIN im_projectresourcegrant g ON g.project_application_id = m.application_id
         WHERE m.is_active
         GROUP BY m.person_id, g.resource_id),
      wanted AS (
        SELECT u.uuid, r.resource,
               coalesce(q.quantity, 0) AS quantity,
               coalesce(q.capacity, r.uplimit) + coalesce(g.capacity, 0) AS capacity,
               coalesce(q.import_limit, INFINITE) + coalesce(g.import_limit, 0) AS import_limit,
               coalesce(q.export_limit, INFINITE) + coalesce(g.export_limit, 0) AS export_limit
          FROM users u CROSS JOIN resources r
          LEFT JOIN im_astakosuserquota q ON q.user_id = u.id AND q.resource_id = r.id
          LEFT JOIN grants g ON g.person_id = u.id AND g.resource_id = r.id),
      compared AS (
        SELECT w.*, e.entity IS NOT NULL AS has_entity, h.id AS holding_id, h.policy_id,
               p.quantity AS held_quantity, p.capacity AS held_capacity,
               p.import_limit AS held_import_limit, p.export_limit AS held_export_limit
          FROM wanted w
          LEFT JOIN quotaholder_app_entity e ON e.entity = w.uuid
          LEFT JOIN quotaholder_app_holding h ON h.entity_id = w.uuid AND h.resource = w.resource
          LEFT JOIN quotaholder_app_policy p ON p.policy = h.policy_id)
      """.replace("INFINITE", Quantities.INFINITE.toString());
  static final String DIFFERS = "(held_quantity, held_capacity, held_import_limit, held_export_limit)"
      + " IS DISTINCT FROM (quantity, capacity, import_limit, export_limit)";
  private static final String OFFENDERS = COMPARED + """
      SELECT uuid,
             uuid || ' ' || resource || CASE
               WHEN holding_id IS NULL AND NOT has_entity THEN ' (no entity)'
               WHEN holding_id IS NULL THEN ' (no holding)'
               ELSE ' ' || HELD END,
             uuid || ' ' || resource || ' ' || WANTED
        FROM compared WHERE DIFFERS
      """.replace("HELD", tuple("held_quantity", "held_capacity", "held_import_limit", "held_export_limit"))
      .replace("WANTED", tuple("quantity", "capacity", "import_limit", "export_limit"))
      .replace("DIFFERS", DIFFERS);

  private final DatabaseEndpoints endpoints;

  Limits(DatabaseEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** "quantity=0 capacity=2 import_limit=10^32 export_limit=10^32" in SQL. */
  private static String tuple(String quantity, String capacity, String importLimit, String exportLimit) {
    return "'quantity=' || " + Quantities.text(quantity) + " || ' capacity=' || " + Quantities.text(capacity)
        + " || ' import_limit=' || " + Quantities.text(importLimit) + " || ' export_limit=' || " + Quantities.text(exportLimit);
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    for (String table : List.of("im_astakosuser", "im_astakosuserquota", "im_resource", "im_service", "im_projectmembership",
        "im_projectresourcegrant")) {
      locks.add(TableLock.read(DatabaseRole.ASTAKOS, table));
    }
    for (String table : List.of("quotaholder_app_entity", "quotaholder_app_policy", "quotaholder_app_holding")) {
      locks.add(TableLock.write(DatabaseRole.ASTAKOS, table));
    }
    return locks.build();
  }

  @Override
  public Observed observe(DatabaseConnections db) throws SQLException {
    Optional<String> notMigrated = MigratedSchema.blocker(db.get(DatabaseRole.ASTAKOS), MigratedSchema.ALL);
    if (notMigrated.isPresent()) {
      return MigratedSchema.notMigrated(notMigrated.get());
    }
    Offenders offenders = Offenders.query(db.get(DatabaseRole.ASTAKOS), OFFENDERS);
    return new Observed(offenders, ImmutableList.of(),
        "quotas differ for " + offenders.subjects() + " users (" + offenders.count() + " holdings)",
        "every email-verified user's holdings carry their effective quota");
  }

  @Override
  public void fix(Observed findings, DatabaseConnections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(DatabaseRole.ASTAKOS);
    Sql.update(astakos.connection(), "CREATE TEMPORARY TABLE reconcile_limits ON COMMIT DROP AS " + COMPARED
        + " SELECT *, 'policy_' || md5(uuid || '.' || resource || random()::text || clock_timestamp()::text) AS new_policy"
        + " FROM compared WHERE " + DIFFERS);
    astakos.insert("quotaholder_app_entity", List.of("entity"), """
        INSERT INTO quotaholder_app_entity AS t (entity, owner_id, key)
        SELECT 'system', 'system', ''
         WHERE NOT EXISTS (SELECT 1 FROM quotaholder_app_entity WHERE entity = 'system')
           AND EXISTS (SELECT 1 FROM reconcile_limits WHERE NOT has_entity)
        RETURNING row_to_json(t)::text""");
    astakos.insert("quotaholder_app_entity", List.of("entity"), """
        INSERT INTO quotaholder_app_entity AS t (entity, owner_id, key)
        SELECT DISTINCT uuid, 'system', '1' FROM reconcile_limits WHERE NOT has_entity
        RETURNING row_to_json(t)::text""");
    astakos.insert("quotaholder_app_policy", List.of("policy"), """
        INSERT INTO quotaholder_app_policy AS t (policy, quantity, capacity, import_limit, export_limit)
        SELECT new_policy, quantity, capacity, import_limit, export_limit FROM reconcile_limits
        RETURNING row_to_json(t)::text""");
    astakos.rewrite("quotaholder_app_holding", List.of("id"),
        "id IN (SELECT holding_id FROM reconcile_limits)", new Object[0],
        "UPDATE quotaholder_app_holding h SET policy_id = l.new_policy FROM reconcile_limits l WHERE h.id = l.holding_id");
    astakos.insert("quotaholder_app_holding", List.of("id"), """
        INSERT INTO quotaholder_app_holding AS t (entity_id, resource, policy_id, flags, imported, importing, exported,
                                                  exporting, returned, "returning", released, releasing)
        SELECT uuid, resource, new_policy, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM reconcile_limits WHERE holding_id IS NULL
        RETURNING row_to_json(t)::text""");
    astakos.delete("quotaholder_app_policy", """
        t.policy IN (SELECT policy_id FROM reconcile_limits WHERE policy_id IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM quotaholder_app_holding h WHERE h.policy_id = t.policy)""");
  }
}
