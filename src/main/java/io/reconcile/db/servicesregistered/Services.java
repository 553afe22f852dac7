package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.Invariant;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.quota.MigratedSchema;
import io.reconcile.db.quota.Quantities;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guide §5 ({@code astakos-init --load-service-resources}, {@code service-update --name}), as an
 * invariant: the registry (im_service, im_resource) and what astakos-init makes the quotaholder hold for
 * the services ({@link ServiceHoldings}). On the 0.12.5 schema (before the migrations) it is blocked.
 */
final class Services implements Invariant<ServicesDiff> {
  private final DatabaseEndpoints endpoints;
  private final ImmutableList<ServicesSpec.Service> declared;

  Services(DatabaseEndpoints endpoints, ImmutableList<ServicesSpec.Service> declared) {
    this.endpoints = endpoints;
    this.declared = declared;
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    for (String table : List.of("im_service", "im_resource", "quotaholder_app_entity", "quotaholder_app_policy",
        "quotaholder_app_holding")) {
      locks.add(TableLock.write(DatabaseRole.ASTAKOS, table));
    }
    return locks.build();
  }

  @Override
  public ServicesDiff observe(DatabaseConnections db) throws SQLException {
    Connection astakos = db.get(DatabaseRole.ASTAKOS);
    Optional<String> notMigrated = MigratedSchema.blocker(astakos, MigratedSchema.ALL);
    if (notMigrated.isPresent()) {
      return new ServicesDiff(MigratedSchema.notMigrated(notMigrated.get()), ImmutableList.of());
    }
    List<String> entities = new ArrayList<>(List.of(ServiceHoldings.SYSTEM));
    declared.forEach(s -> entities.add(s.name()));
    return ServicesDiff.of(declared, Registry.read(astakos), ServiceHoldings.read(astakos, entities));
  }

  @Override
  public void fix(ServicesDiff findings, DatabaseConnections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(DatabaseRole.ASTAKOS);
    for (ServicesDiff.Action action : findings.actions()) {
      if (action instanceof ServicesDiff.Rename rename) {
        astakos.rewrite("im_service", List.of("id"), "t.id = ?", new Object[] {rename.serviceId()},
            "UPDATE im_service SET name = ? WHERE id = ?", rename.to(), rename.serviceId());
      } else if (action instanceof ServicesDiff.AddService add) {
        astakos.insert("im_service", List.of("id"), """
            INSERT INTO im_service AS t (name, url, icon, "order")
            VALUES (?, ?, '', coalesce(?, (SELECT coalesce(max("order"), 0) + 1 FROM im_service)))
            RETURNING row_to_json(t)::text""", add.service().name(), add.service().url().orElse(null), add.service().order().orElse(null));
      } else if (action instanceof ServicesDiff.SetService set) {
        astakos.rewrite("im_service", List.of("id"), "t.id = ?", new Object[] {set.serviceId()},
            "UPDATE im_service SET url = coalesce(?, url), \"order\" = coalesce(?, \"order\") WHERE id = ?",
            set.service().url().orElse(null), set.service().order().orElse(null), set.serviceId());
      } else if (action instanceof ServicesDiff.AddResource add) {
        ServicesSpec.Resource r = add.resource();
        astakos.insert("im_resource", List.of("id"), """
            INSERT INTO im_resource AS t (name, "desc", service_id, unit, "group", uplimit)
            VALUES (?, ?, (SELECT id FROM im_service WHERE name = ?), ?, ?, ?)
            RETURNING row_to_json(t)::text""",
            r.name(), r.desc().orElse(null), add.service(), r.unit().orElse(null), r.group().orElse(null), r.uplimit());
      } else if (action instanceof ServicesDiff.SetResource set) {
        ServicesSpec.Resource r = set.resource();
        astakos.rewrite("im_resource", List.of("id"), "t.id = ?", new Object[] {set.resourceId()},
            "UPDATE im_resource SET \"desc\" = ?, unit = ?, \"group\" = ?, uplimit = ? WHERE id = ?",
            r.desc().orElse(null), r.unit().orElse(null), r.group().orElse(null), r.uplimit(), set.resourceId());
      } else if (action instanceof ServicesDiff.SetEntity set) {
        setEntity(astakos, set);
      } else if (action instanceof ServicesDiff.SetHolding set) {
        setHolding(astakos, set);
      }
    }
  }

  private static void setEntity(RowChanges astakos, ServicesDiff.SetEntity set) throws SQLException {
    ServiceHoldings.Entity e = set.wanted();
    if (set.exists()) {
      astakos.rewrite("quotaholder_app_entity", List.of("entity"), "t.entity = ?", new Object[] {e.entity()},
          "UPDATE quotaholder_app_entity SET owner_id = ?, key = ? WHERE entity = ?", e.owner(), e.key(), e.entity());
    } else {
      astakos.insert("quotaholder_app_entity", List.of("entity"),
          "INSERT INTO quotaholder_app_entity AS t (entity, owner_id, key) VALUES (?, ?, ?)"
              + " RETURNING row_to_json(t)::text",
          e.entity(), e.owner(), e.key());
    }
  }

  /** As the quotaholder's set_quota: a new policy (policies may be shared), the old one deleted once unused. */
  private static void setHolding(RowChanges astakos, ServicesDiff.SetHolding set) throws SQLException {
    String policy = Sql.string(astakos.connection(),
        "SELECT 'policy_' || md5(? || random()::text || clock_timestamp()::text)", set.entity() + "." + set.resource())
        .orElseThrow();
    astakos.insert("quotaholder_app_policy", List.of("policy"), """
        INSERT INTO quotaholder_app_policy AS t (policy, quantity, capacity, import_limit, export_limit)
        VALUES (?, INF, INF, INF, INF) RETURNING row_to_json(t)::text"""
        .replace("INF", Quantities.INFINITE.toString()), policy);
    if (set.existing().isPresent()) {
      ServiceHoldings.Holding old = set.existing().get();
      astakos.rewrite("quotaholder_app_holding", List.of("id"), "t.id = ?", new Object[] {old.id()},
          "UPDATE quotaholder_app_holding SET policy_id = ?, flags = 0 WHERE id = ?", policy, old.id());
      astakos.delete("quotaholder_app_policy",
          "t.policy = ? AND NOT EXISTS (SELECT 1 FROM quotaholder_app_holding h WHERE h.policy_id = t.policy)", old.policy());
    } else {
      astakos.insert("quotaholder_app_holding", List.of("id"), """
          INSERT INTO quotaholder_app_holding AS t (entity_id, resource, policy_id, flags, imported, importing,
                                                    exported, exporting, returned, "returning", released, releasing)
          VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0) RETURNING row_to_json(t)::text""",
          set.entity(), set.resource(), policy);
    }
  }
}
