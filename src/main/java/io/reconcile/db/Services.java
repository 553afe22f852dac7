package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import java.sql.SQLException;
import java.util.List;

/** Guide §5 ({@code astakos-init --load-service-resources}, {@code service-update --name}), as an invariant. */
final class Services implements Invariant<ServicesDiff> {
  private final Endpoints endpoints;
  private final ImmutableList<ServicesSpec.Service> declared;

  Services(Endpoints endpoints, ImmutableList<ServicesSpec.Service> declared) {
    this.endpoints = endpoints;
    this.declared = declared;
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    return ImmutableList.of(TableLock.write(Db.ASTAKOS, "im_service"), TableLock.write(Db.ASTAKOS, "im_resource"));
  }

  @Override
  public ServicesDiff observe(Connections db) throws SQLException {
    return ServicesDiff.of(declared, Registry.read(db.get(Db.ASTAKOS)));
  }

  @Override
  public void fix(ServicesDiff findings, Connections db, Changes changes) throws SQLException {
    RowChanges astakos = changes.of(Db.ASTAKOS);
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
      }
    }
  }
}
