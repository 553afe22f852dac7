package io.reconcile.db;

import com.google.common.collect.ImmutableList;
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
final class CycladesOwnersKnown implements Invariant<Observed> {
  private static final String OWNERS = """
      SELECT userid AS owner, 'VMs' AS kind, count(*) AS n FROM db_virtualmachine WHERE userid LIKE '%@%' GROUP BY 1
      UNION ALL SELECT userid, 'networks', count(*) FROM db_network WHERE userid LIKE '%@%' GROUP BY 1
      UNION ALL SELECT "user", 'key pairs', count(*) FROM userdata_publickeypair WHERE "user" LIKE '%@%' GROUP BY 1""";
  /** A hashed NOT IN: the known emails can be 100000. */
  private static final String UNKNOWN = "lower(o.owner) NOT IN (SELECT unnest(?::text[]))";
  private static final String OFFENDERS = "SELECT o.owner, o.owner || ': ' || string_agg(o.n || ' ' || o.kind, ', '"
      + " ORDER BY o.kind) || ' (no Astakos user has this email)', NULL FROM (" + OWNERS + ") o WHERE " + UNKNOWN
      + " GROUP BY o.owner";

  private final Endpoints endpoints;

  CycladesOwnersKnown(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    locks.add(TableLock.read(Db.ASTAKOS, "auth_user"));
    CycladesOwners.COLUMNS.keySet().forEach(table -> locks.add(TableLock.write(Db.CYCLADES, table)));
    return locks.build();
  }

  @Override
  public Observed observe(Connections db) throws SQLException {
    Offenders offenders = Offenders.query(db.get(Db.CYCLADES), OFFENDERS, (Object) knownEmails(db));
    return new Observed(offenders, ImmutableList.of(), offenders.count() + " Cyclades owners are emails no Astakos"
        + " user has", "every Cyclades owner is an Astakos user");
  }

  private static String[] knownEmails(Connections db) throws SQLException {
    return Sql.strings(db.get(Db.ASTAKOS), "SELECT DISTINCT lower(email) FROM auth_user").toArray(String[]::new);
  }

  @Override
  public void fix(Observed findings, Connections db, Changes changes) throws SQLException {
    String[] unknown = Sql.strings(db.get(Db.CYCLADES), "SELECT DISTINCT o.owner FROM (" + OWNERS + ") o WHERE " + UNKNOWN,
        (Object) knownEmails(db)).toArray(String[]::new);
    RowChanges cyclades = changes.of(Db.CYCLADES);
    for (Map.Entry<String, String> owner : CycladesOwners.COLUMNS.entrySet()) {
      DependentRows.delete(cyclades, owner.getKey(), "t." + Sql.quote(owner.getValue()) + " = ANY(?)", (Object) unknown);
    }
  }
}
