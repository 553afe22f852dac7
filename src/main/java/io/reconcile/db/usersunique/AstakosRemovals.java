package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DependentRows;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the Astakos accounts that share an email with a survivor (guide §2, delete_astakos_users.py):
 * their project applications and memberships move to the survivor first (a membership of a project the
 * survivor is already in is removed instead); everything else that references them goes with them.
 */
final class AstakosRemovals {
  private final RowChanges astakos;
  private final Integer[] losers;
  private final Integer[] survivors;

  AstakosRemovals(RowChanges astakos, List<UsersFindings.Removal> removals) {
    this.astakos = astakos;
    List<Integer> from = new ArrayList<>();
    List<Integer> to = new ArrayList<>();
    for (UsersFindings.Removal removal : removals) {
      removal.losers().forEach(l -> {
        from.add(l.id());
        to.add(removal.survivor().id());
      });
    }
    this.losers = from.toArray(Integer[]::new);
    this.survivors = to.toArray(Integer[]::new);
  }

  void apply() throws SQLException {
    if (exists("im_projectapplication")) {
      astakos.rewrite("im_projectapplication", ImmutableList.of("id"), "t.owner_id = ANY(?) OR t.applicant_id = ANY(?)",
          new Object[] {losers, losers}, """
              UPDATE im_projectapplication AS t
                 SET owner_id = coalesce((SELECT m.survivor FROM unnest(?::int[], ?::int[]) AS m(loser, survivor) WHERE m.loser = t.owner_id), t.owner_id),
                     applicant_id = coalesce((SELECT m.survivor FROM unnest(?::int[], ?::int[]) AS m(loser, survivor) WHERE m.loser = t.applicant_id), t.applicant_id)
               WHERE t.owner_id = ANY(?) OR t.applicant_id = ANY(?)""", losers, survivors, losers, survivors, losers, losers);
    }
    if (exists("im_projectmembership")) {
      Sql.update(astakos.connection(), "CREATE TEMPORARY TABLE reconcile_memberships (id integer PRIMARY KEY, survivor integer) ON COMMIT DROP");
      Sql.update(astakos.connection(), """
          INSERT INTO reconcile_memberships
          SELECT DISTINCT ON (m.survivor, pm.project_id) pm.id, m.survivor
            FROM im_projectmembership pm JOIN unnest(?::int[], ?::int[]) AS m(loser, survivor) ON pm.person_id = m.loser
           WHERE NOT EXISTS (SELECT 1 FROM im_projectmembership s WHERE s.person_id = m.survivor AND s.project_id = pm.project_id)
           ORDER BY m.survivor, pm.project_id, pm.is_active DESC, pm.id""", losers, survivors);
      astakos.rewrite("im_projectmembership", ImmutableList.of("id"), "t.id IN (SELECT id FROM reconcile_memberships)", new Object[0],
          "UPDATE im_projectmembership AS t SET person_id = m.survivor FROM reconcile_memberships m WHERE t.id = m.id");
    }
    DependentRows.delete(astakos, "auth_user", "t.id = ANY(?)", (Object) losers);
  }

  private boolean exists(String table) throws SQLException {
    return Sql.string(astakos.connection(), "SELECT to_regclass(?)::text", table).isPresent();
  }
}
