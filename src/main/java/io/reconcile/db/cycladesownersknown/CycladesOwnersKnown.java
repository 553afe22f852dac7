package io.reconcile.db.cycladesownersknown;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.engine.DependentRows;
import io.reconcile.db.Invariant;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.usersunique.CycladesOwners;
import java.sql.SQLException;
import java.util.Map;

/**
 * Guide §6.3: after {@code cyclades-astakos-migrate-013 --migrate-users}, the owners it could not migrate
 * ("No uuid for X": an email no Astakos user has) are to be checked with {@code user-list} and removed with
 * {@code --delete-user}. Holds when no VM, network or key pair of Cyclades belongs to an email that no
 * Astakos user has (case-insensitively, as Astakos matches it). Fixing deletes their rows with everything
 * that references them, each exported first. Uuids and emails Astakos knows are left alone, so this holds
 * at 0.12.5 (owners are emails) and at 0.13 (owners are uuids) alike.
 */
public final class CycladesOwnersKnown implements Invariant<Observed> {
  private static final String OWNERS = """
      SELECT userid AS owner, 'VMs' AS kind, count(*) AS n FROM db_virtualmachine WHERE userid LIKE '%@%' GROUP BY 1
      UNION ALL SELECT userid, 'networks', count(*) FROM db_network WHERE userid LIKE '%@%' GROUP BY 1
      UNION ALL SELECT "user", 'key pairs', count(*) FROM userdata_publickeypair WHERE "user" LIKE '%@%' GROUP BY 1""";
  /** A hashed NOT IN: the known emails can be 100000. */
  private static final String UNKNOWN = "lower(o.owner) NOT IN (SELECT unnest(?::text[]))";
  private static final String OFFENDERS = "SELECT o.owner, o.owner || ': ' || string_agg(o.n || ' ' || o.kind, ', '"
      + " ORDER BY o.kind) || ' (no Astakos user has this email)', NULL FROM (" + OWNERS + ") o WHERE " + UNKNOWN
      + " GROUP BY o.owner";

  private final DatabaseEndpoints endpoints;

  public CycladesOwnersKnown(DatabaseEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    locks.add(TableLock.read(DatabaseRole.ASTAKOS, "auth_user"));
    CycladesOwners.COLUMNS.keySet().forEach(table -> locks.add(TableLock.write(DatabaseRole.CYCLADES, table)));
    return locks.build();
  }

  @Override
  public Observed observe(DatabaseConnections db) throws SQLException {
    Offenders offenders = Offenders.query(db.get(DatabaseRole.CYCLADES), OFFENDERS, (Object) knownEmails(db));
    return new Observed(offenders, ImmutableList.of(), offenders.count() + " Cyclades owners are emails no Astakos"
        + " user has", "every Cyclades owner is an Astakos user");
  }

  private static String[] knownEmails(DatabaseConnections db) throws SQLException {
    return Sql.strings(db.get(DatabaseRole.ASTAKOS), "SELECT DISTINCT lower(email) FROM auth_user").toArray(String[]::new);
  }

  @Override
  public void fix(Observed findings, DatabaseConnections db, Changes changes) throws SQLException {
    String[] unknown = Sql.strings(db.get(DatabaseRole.CYCLADES), "SELECT DISTINCT o.owner FROM (" + OWNERS + ") o WHERE " + UNKNOWN,
        (Object) knownEmails(db)).toArray(String[]::new);
    RowChanges cyclades = changes.of(DatabaseRole.CYCLADES);
    for (Map.Entry<String, String> owner : CycladesOwners.COLUMNS.entrySet()) {
      DependentRows.delete(cyclades, owner.getKey(), "t." + Sql.quote(owner.getValue()) + " = ANY(?)", (Object) unknown);
    }
  }
}
