package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.db.engine.DependentRows;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cyclades' copies of a user's identity ({@code cyclades-astakos-migrate-013 --merge-user / --delete-user}):
 * merge gives the other spellings' VMs, networks and key pairs to the keeping spelling; delete deletes
 * them with whatever references them.
 */
public final class CycladesOwners {
  /** Table -> the column naming the owner. */
  public static final ImmutableMap<String, String> COLUMNS =
      ImmutableMap.of("db_virtualmachine", "userid", "db_network", "userid", "userdata_publickeypair", "user");

  private final RowChanges cyclades;
  private final String[] others;
  private final String[] keepers;

  CycladesOwners(RowChanges cyclades, List<UsersFindings.Reduction> reductions) {
    this.cyclades = cyclades;
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (UsersFindings.Reduction r : reductions) {
      r.others().forEach(o -> {
        from.add(o.name());
        to.add(r.keeper().name());
      });
    }
    this.others = from.toArray(String[]::new);
    this.keepers = to.toArray(String[]::new);
  }

  void merge() throws SQLException {
    for (Map.Entry<String, String> owner : COLUMNS.entrySet()) {
      String column = Sql.quote(owner.getValue());
      cyclades.rewrite(owner.getKey(), ImmutableList.of("id"), "t." + column + " = ANY(?)", new Object[] {others},
          "UPDATE " + owner.getKey() + " AS t SET " + column + " = m.keeper FROM unnest(?::text[], ?::text[]) AS m(other, keeper)"
              + " WHERE t." + column + " = m.other", others, keepers);
    }
  }

  void delete() throws SQLException {
    for (Map.Entry<String, String> owner : COLUMNS.entrySet()) {
      DependentRows.delete(cyclades, owner.getKey(), "t." + Sql.quote(owner.getValue()) + " = ANY(?)", (Object) others);
    }
  }
}
