package io.reconcile.db.usersunique;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Rows;
import io.reconcile.db.TestDatabases;
import io.reconcile.db.types.InvariantDeclarations;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.testing.RequiresDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * users-unique against real PostgreSQL on the 0.12.5 schema it runs on before the migrations (no uuid
 * column, no projects): Astakos, Cyclades and Pithos duplicates (with sharing groups and permissions),
 * merged or deleted, undone by the exports. On the 0.13 schema (later drift checks): projects.
 */
@RequiresDocker
class UsersUniqueTest {
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  static final String BOB3 = "bbbbbbbb-0000-4000-8000-000000000003";
  @TempDir Path exports;
  private TestDatabases db;

  /** The 0.12.5 schema, as users-unique meets it before the migrations: no uuids, no projects. */
  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset012();
    db.sql(DatabaseRole.ASTAKOS, Rows.at012()
        .user(1, "alice@example.org", true, "2012-01-01", true, null)
        .user(2, "Bob@Example.org", true, "2012-02-01", true, null)
        .user(3, "bob@example.org", false, "2012-01-15", true, null)
        .user(4, "carol@example.org", true, "2012-03-01", true, null)
        .sql());
    db.sql(DatabaseRole.CYCLADES, Rows.at012().flavor(1, 1, 1024, 10)
        .vm(1, "Bob@Example.org", 1, false).vm(2, "bob@example.org", 1, false).vm(3, "bob@example.org", 1, true)
        .vm(4, "carol@example.org", 1, false).vm(5, "CAROL@example.org", 1, false)
        .network(1, "bob@example.org", false).key(1, "BOB@example.org").key(2, "alice@example.org")
        .sql());
    db.sql(DatabaseRole.PITHOS, Rows.at012()
        .node(10, 0, "Bob@Example.org", 0, 0).node(11, 10, "Bob@Example.org/pithos", 0, 0).node(12, 11, "Bob@Example.org/pithos/a.txt", 100, 0)
        .node(20, 0, "bob@example.org", 0, 0).accountQuota(20, "10737418240")
        .node(21, 20, "bob@example.org/pithos", 0, 0).node(22, 21, "bob@example.org/pithos/b.txt", 50, 0)
        .node(23, 20, "bob@example.org/photos", 0, 0).node(24, 23, "bob@example.org/photos/c.jpg", 30, 0)
        .publicObject("bob@example.org/photos/c.jpg")
        .group("bob@example.org", "friends", "alice@example.org").group("alice@example.org", "team", "bob@example.org")
        .permissions(1, "bob@example.org/pithos/b.txt", 0, "alice@example.org", "bob@example.org:friends")
        .permissions(2, "alice@example.org/pithos", 0, "bob@example.org", "*").permissions(2, "alice@example.org/pithos", 1, "Bob@Example.org")
        .sql() + """
        INSERT INTO statistics (node, population, size, mtime, cluster) VALUES
          (10, 1, 100, 1, 0), (11, 1, 100, 1, 0), (20, 2, 80, 2, 0), (21, 1, 50, 2, 0), (23, 1, 30, 2, 0);
        """);
  }

  private static UsersUniqueSpec spec(ImmutableSet<Integer> keep, UsersUniqueSpec.Strategy cyclades, UsersUniqueSpec.Strategy pithos) {
    return new UsersUniqueSpec("astakos", new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos")),
        SurvivorRule.ACTIVE_THEN_OLDEST, keep, cyclades, pithos);
  }

  private static final UsersUniqueSpec MERGE = spec(ImmutableSet.of(), UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE);

  private Optional<DatabasePlan> plan(UsersUniqueSpec spec) {
    try (DatabaseSession session = db.session(exports)) {
      return InvariantDeclarations.render("users-unique", "astakos", spec).plan(session);
    }
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  private Map<DatabaseRole, List<String>> dumps() {
    return Map.of(DatabaseRole.ASTAKOS, db.dump(DatabaseRole.ASTAKOS), DatabaseRole.CYCLADES, db.dump(DatabaseRole.CYCLADES), DatabaseRole.PITHOS, db.dump(DatabaseRole.PITHOS));
  }

  @Test
  void listsEachEmailWithItsAccountsAndSpellingsAndWhatSurvives() {
    DatabasePlan plan = plan(MERGE).orElseThrow();

    assertThat(plan.change().before()).isEqualTo("2 emails have several users or spellings (astakos 1, cyclades 2, pithos 1)");
    assertThat(plan.change().after()).isEqualTo("one user per email (survivor active-then-oldest; cyclades merge, pithos merge)");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "- astakos 2 Bob@Example.org (active, joined 2012-02-01), 3 bob@example.org (inactive, joined 2012-01-15)",
        "+ astakos 2 Bob@Example.org (active, joined 2012-02-01)",
        "- cyclades BOB@example.org: 0 vms, 0 networks, 1 keys; Bob@Example.org: 1 vms, 0 networks, 0 keys; bob@example.org: 2 vms, 1 networks, 0 keys",
        "+ cyclades Bob@Example.org: 3 vms, 1 networks, 1 keys (merged)",
        "- pithos Bob@Example.org: 1 containers, 1 objects, 100 bytes; bob@example.org: 2 containers, 2 objects, 80 bytes",
        "+ pithos Bob@Example.org: 3 containers, 3 objects, 180 bytes (merged)",
        "- cyclades CAROL@example.org: 1 vms, 0 networks, 0 keys; carol@example.org: 1 vms, 0 networks, 0 keys",
        "+ cyclades carol@example.org: 2 vms, 0 networks, 0 keys (merged)");
  }

  @Test
  void mergeRemovesTheLoserMovesItsDataAndHoldsAfterwardsAndTheExportsRestoreEverything() {
    Map<DatabaseRole, List<String>> before = dumps();

    ApplyOutcome outcome = apply(plan(MERGE).orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(MERGE)).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT id FROM auth_user ORDER BY id")).containsExactly("1", "2", "4");
    // Cyclades: one spelling per email
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT DISTINCT userid FROM db_virtualmachine ORDER BY 1")).containsExactly("Bob@Example.org", "carol@example.org");
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT \"user\" FROM userdata_publickeypair ORDER BY 1")).containsExactly("Bob@Example.org", "alice@example.org");
    // Pithos: one account with both containers' objects, the dup's quota, statistics summed
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT node || ' ' || parent || ' ' || path FROM nodes WHERE node <> 0 ORDER BY node")).containsExactly(
        "10 0 Bob@Example.org", "11 10 Bob@Example.org/pithos", "12 11 Bob@Example.org/pithos/a.txt",
        "22 11 Bob@Example.org/pithos/b.txt", "23 10 Bob@Example.org/photos", "24 23 Bob@Example.org/photos/c.jpg");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT node || ' ' || value FROM policy")).containsExactly("10 10737418240");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT node || ' ' || population || ' ' || size FROM statistics ORDER BY node"))
        .containsExactly("10 3 180", "11 2 150", "23 1 30");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT path FROM public")).containsExactly("Bob@Example.org/photos/c.jpg");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT owner || ' ' || name || ' ' || member FROM \"groups\" ORDER BY 1"))
        .containsExactly("Bob@Example.org friends alice@example.org", "alice@example.org team Bob@Example.org");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT x.path || ' ' || v.key || ' ' || v.value FROM xfeatures x JOIN xfeaturevals v USING (feature_id)"
        + " ORDER BY 1")).as("sharing permissions follow the account").containsExactly(
        "Bob@Example.org/pithos/b.txt 0 Bob@Example.org:friends", "Bob@Example.org/pithos/b.txt 0 alice@example.org",
        "alice@example.org/pithos 0 *", "alice@example.org/pithos 0 Bob@Example.org", "alice@example.org/pithos 1 Bob@Example.org");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT DISTINCT muser FROM versions ORDER BY 1")).containsExactly("Bob@Example.org");

    assertThat(outcome.backups()).hasSize(3);
    for (String backup : outcome.backups()) {
      DatabaseRole which = backup.endsWith(".astakos.sql") ? DatabaseRole.ASTAKOS : backup.endsWith(".cyclades.sql") ? DatabaseRole.CYCLADES : DatabaseRole.PITHOS;
      assertThat(db.psqlFile(which, Path.of(backup)).getExitCode()).as(backup).isZero();
    }
    assertThat(dumps()).isEqualTo(before);
  }

  @Test
  void deleteDiscardsTheOtherSpellingsData() {
    Map<DatabaseRole, List<String>> before = dumps();
    ApplyOutcome outcome = apply(plan(spec(ImmutableSet.of(), UsersUniqueSpec.Strategy.DELETE, UsersUniqueSpec.Strategy.DELETE)).orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT id || ' ' || userid FROM db_virtualmachine ORDER BY id")).containsExactly("1 Bob@Example.org", "4 carol@example.org");
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT count(*) FROM db_network")).containsExactly("0");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT path FROM nodes WHERE node <> 0 ORDER BY node"))
        .containsExactly("Bob@Example.org", "Bob@Example.org/pithos", "Bob@Example.org/pithos/a.txt");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT count(*) FROM public")).containsExactly("0");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT count(*) FROM versions")).containsExactly("3");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT count(*) FROM \"groups\"")).as("groups owned by or naming the deleted account").containsExactly("0");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT x.path || ' ' || v.key || ' ' || v.value FROM xfeatures x JOIN xfeaturevals v USING (feature_id)"
        + " ORDER BY 1")).as("its objects' permissions and its grants on others' go").containsExactly(
        "alice@example.org/pithos 0 *", "alice@example.org/pithos 1 Bob@Example.org");
    for (String backup : outcome.backups()) {
      DatabaseRole which = backup.endsWith(".astakos.sql") ? DatabaseRole.ASTAKOS : backup.endsWith(".cyclades.sql") ? DatabaseRole.CYCLADES : DatabaseRole.PITHOS;
      assertThat(db.psqlFile(which, Path.of(backup)).getExitCode()).as(backup).isZero();
    }
    assertThat(dumps()).as("the exports restore what delete removed").isEqualTo(before);
  }

  @Test
  void aPathInBothPithosAccountsRefusesTheMergeWithNothingWritten() {
    db.sql(DatabaseRole.PITHOS, Rows.at012().node(25, 21, "bob@example.org/pithos/a.txt", 7, 0).sql());
    Map<DatabaseRole, List<String>> before = dumps();
    DatabasePlan plan = plan(MERGE).orElseThrow();
    assertThat(plan.change().diff().orElseThrow()).startsWith("! pithos merge of bob@example.org into Bob@Example.org refused:"
        + " 1 object paths exist in both (pithos/a.txt); rename them, declare 'pithos_collisions: history', or declare 'pithos: delete'\n");

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.error().orElseThrow()).startsWith("refused, nothing written: pithos merge of bob@example.org");
    assertThat(dumps()).isEqualTo(before);
    assertThat(exports).isEmptyDirectory();
  }

  @Test
  void withHistoryAPathInBothAccountsKeepsTheMergedObjectCurrentAndTheKeepersInTheHistory() {
    db.sql(DatabaseRole.PITHOS, Rows.at012().node(25, 21, "bob@example.org/pithos/a.txt", 7, 0).sql()
        + "UPDATE statistics SET population = 2, size = 57 WHERE node = 21; UPDATE statistics SET population = 3, size = 87 WHERE node = 20;");
    UsersUniqueSpec history = new UsersUniqueSpec("astakos", new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos")),
        SurvivorRule.ACTIVE_THEN_OLDEST, ImmutableSet.of(), UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE,
        UsersUniqueSpec.Collisions.HISTORY);
    Map<DatabaseRole, List<String>> before = dumps();
    DatabasePlan plan = plan(history).orElseThrow();
    assertThat(plan.change().diff().orElseThrow()).doesNotContain("!")
        .contains("+ pithos Bob@Example.org: 3 containers, 3 objects, 187 bytes (merged; 1 objects held by both: the kept account's pass to history)");

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(history)).isEmpty();
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT v.size || ' ' || v.cluster || ' ' || (n.latest_version = v.serial) FROM versions v"
        + " JOIN nodes n ON n.node = v.node WHERE n.path = 'Bob@Example.org/pithos/a.txt' ORDER BY v.cluster"))
        .as("the merged account's object is the current version, the keeper's is history").containsExactly("7 0 true", "100 1 false");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT count(*) FROM nodes WHERE path LIKE '%/pithos/a.txt'")).containsExactly("1");
    assertThat(db.query(DatabaseRole.PITHOS, "SELECT node || ' ' || cluster || ' ' || population || ' ' || size FROM statistics ORDER BY 1"))
        .containsExactly("10 0 3 87", "10 1 1 100", "11 0 2 57", "11 1 1 100", "23 0 1 30");
    for (String backup : outcome.backups()) {
      DatabaseRole which = backup.endsWith(".astakos.sql") ? DatabaseRole.ASTAKOS : backup.endsWith(".cyclades.sql") ? DatabaseRole.CYCLADES : DatabaseRole.PITHOS;
      assertThat(db.psqlFile(which, Path.of(backup)).getExitCode()).as(backup).isZero();
    }
    assertThat(dumps()).isEqualTo(before);
  }

  @Test
  void aVmCreatedBetweenPlanAndApplyMakesApplyFailWithNothingWritten() {
    DatabasePlan plan = plan(MERGE).orElseThrow();
    db.sql(DatabaseRole.CYCLADES, Rows.at012().vm(9, "bob@example.org", 1, false).sql());
    Map<DatabaseRole, List<String>> before = dumps();

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.error().orElseThrow()).startsWith("the data changed since it was observed");
    assertThat(dumps()).isEqualTo(before);
  }

  @Test
  void keptIdsOverrideTheRuleAndTwoKeptIdsOfOneEmailAreRefused() {
    assertThat(plan(spec(ImmutableSet.of(3), UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE)).orElseThrow()
        .change().diff().orElseThrow()).contains("+ astakos 3 bob@example.org (inactive, joined 2012-01-15)",
        "+ cyclades bob@example.org: 3 vms, 1 networks, 1 keys (merged)");

    DatabasePlan both = plan(spec(ImmutableSet.of(2, 3), UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE)).orElseThrow();

    assertThat(both.change().diff().orElseThrow()).startsWith("! 'keep' lists several accounts of bob@example.org: "
        + "2 Bob@Example.org (active, joined 2012-02-01), 3 bob@example.org (inactive, joined 2012-01-15)\n");
    assertThat(apply(both).done()).isFalse();
  }

  @Test
  void onThe013SchemaTheLosersProjectsAndMembershipsMoveToTheSurvivor() {
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows()
        .user(1, "alice@example.org", true, "2012-01-01", true, "aaaaaaaa-0000-4000-8000-000000000001")
        .user(2, "Bob@Example.org", true, "2012-02-01", true, BOB)
        .user(3, "bob@example.org", false, "2012-01-15", true, BOB3)
        .registry()
        .userQuota(3, 1, "5", "0", Rows.INF, Rows.INF)
        .project(1, 3).membership(3, 1, true).membership(1, 1, true)
        .project(2, 1).membership(2, 2, true).membership(3, 2, false)
        .sql());
    UsersUniqueSpec astakosOnly = new UsersUniqueSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.empty()),
        SurvivorRule.ACTIVE_THEN_OLDEST, ImmutableSet.of(), UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE);
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan(astakosOnly).orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(astakosOnly)).isEmpty();
    // user 3 is gone; its project and membership moved to 2 (already a member of project 2: that one went)
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT id FROM auth_user ORDER BY id")).containsExactly("1", "2");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT owner_id || ' ' || applicant_id FROM im_projectapplication ORDER BY id")).containsExactly("2 2", "1 1");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT person_id || ' ' || project_id FROM im_projectmembership ORDER BY 1"))
        .containsExactly("1 1", "2 1", "2 2");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT count(*) FROM im_astakosuserquota")).containsExactly("0");
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }
}
