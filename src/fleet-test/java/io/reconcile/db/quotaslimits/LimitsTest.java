package io.reconcile.db.quotaslimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.db.DatabasePlan;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.InvariantResource;
import io.reconcile.db.Rows;
import io.reconcile.db.TestDatabases;
import io.reconcile.db.types.InvariantDeclarations;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.testing.RequiresDocker;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quotas-limits against real PostgreSQL: the effective-quota arithmetic, the sync, its export and its refusal. */
@RequiresDocker
class LimitsTest {
  static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  static final String CAROL = "cccccccc-0000-4000-8000-000000000003";
  @TempDir Path exports;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows()
        .user(1, "alice@example.org", true, "2012-01-01", true, ALICE)
        .user(2, "bob@example.org", true, "2012-02-01", true, BOB)
        .user(3, "carol@example.org", true, "2012-03-01", false, CAROL)
        .registry()
        .userQuota(1, 1, "5", "1", "7", "9")
        .project(1, 1).membership(1, 1, true).grant(1, 1, "3", "10", "20")
        .project(2, 2).membership(1, 2, false).grant(1, 2, "100", "100", "100")
        .sql());
  }

  private InvariantResource<?> limits() {
    return InvariantDeclarations.render("quotas-limits", "astakos", new LimitsSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.empty())));
  }

  private Optional<DatabasePlan> plan() {
    try (DatabaseSession session = db.session(exports)) {
      return limits().plan(session);
    }
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  @Test
  void effectiveQuotaIsTheDefaultReplacedByTheUsersRowPlusActiveGrants() {
    DatabasePlan plan = plan().orElseThrow();

    assertThat(plan.change().before()).isEqualTo("quotas differ for 2 users (6 holdings)");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "- " + ALICE + " cyclades.network.private (no entity)",
        "+ " + ALICE + " cyclades.network.private quantity=0 capacity=1 import_limit=10^32 export_limit=10^32",
        // the user's row (5, 1, 7, 9) replaces the default; the active membership adds 3, 10, 20; the inactive one nothing
        "- " + ALICE + " cyclades.vm (no entity)",
        "+ " + ALICE + " cyclades.vm quantity=1 capacity=8 import_limit=17 export_limit=29",
        "- " + ALICE + " pithos.diskspace (no entity)",
        "+ " + ALICE + " pithos.diskspace quantity=0 capacity=5368709120 import_limit=10^32 export_limit=10^32",
        "- " + BOB + " cyclades.network.private (no entity)",
        "+ " + BOB + " cyclades.network.private quantity=0 capacity=1 import_limit=10^32 export_limit=10^32",
        "- " + BOB + " cyclades.vm (no entity)",
        "+ " + BOB + " cyclades.vm quantity=0 capacity=2 import_limit=10^32 export_limit=10^32",
        "- " + BOB + " pithos.diskspace (no entity)",
        "+ " + BOB + " pithos.diskspace quantity=0 capacity=5368709120 import_limit=10^32 export_limit=10^32");
  }

  @Test
  void applyCreatesWhatIsMissingAndGivesDifferingHoldingsNewPoliciesThenHolds() {
    // Bob's holdings exist; vm shares a policy with network.private (right for network.private, wrong for vm).
    db.sql(DatabaseRole.ASTAKOS, new Rows().entity(BOB)
        .policy("shared", "0", "1", Rows.INF, Rows.INF)
        .policy("disk", "0", "5368709120", Rows.INF, Rows.INF)
        .holding(BOB, "cyclades.vm", "shared", BigInteger.ONE)
        .holding(BOB, "cyclades.network.private", "shared", BigInteger.ZERO)
        .holding(BOB, "pithos.diskspace", "disk", BigInteger.TEN).sql());
    List<String> before = db.dump(DatabaseRole.ASTAKOS);
    DatabasePlan plan = plan().orElseThrow();
    assertThat(plan.change().before()).isEqualTo("quotas differ for 2 users (4 holdings)");

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.error()).isEmpty();
    assertThat(outcome.done()).isTrue();
    assertThat(plan()).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT h.resource || ' ' || p.capacity FROM quotaholder_app_holding h"
        + " JOIN quotaholder_app_policy p ON p.policy = h.policy_id WHERE h.entity_id = '" + BOB + "' ORDER BY 1"))
        .containsExactly("cyclades.network.private 1", "cyclades.vm 2", "pithos.diskspace 5368709120");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT policy_id FROM quotaholder_app_holding WHERE entity_id = '" + BOB
        + "' AND resource <> 'cyclades.vm' ORDER BY 1")).containsExactly("disk", "shared");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT entity || ' ' || owner_id || ' ' || key FROM quotaholder_app_entity ORDER BY 1"))
        .containsExactly(ALICE + " system 1", BOB + " system 1", "system system ");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT imported FROM quotaholder_app_holding WHERE resource = 'pithos.diskspace' ORDER BY 1"))
        .as("usage is quotas-usage's business").containsExactly("0", "10");

    assertThat(outcome.backups()).hasSize(1);
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).as("the export undoes the apply").isEqualTo(before);
  }

  @Test
  void grantsComeFromTheApplicationEachMembershipIsSyncedToNotFromTheProjects() {
    // Project 1 was modified: application 3 (vm +50) replaced application 1 (vm +3). Alice's membership is
    // still synced to application 1 (13:snf-astakos-app/astakos/im/models.py:844-897, set_sync :2482-2520);
    // Bob's is synced to application 3.
    db.sql(DatabaseRole.ASTAKOS, new Rows().application(3, 1, 1, true).grant(1, 3, "50", "0", "0").membership(2, 1, true, 3).sql()
        + "UPDATE im_projectapplication SET state = 2 WHERE id = 1; UPDATE im_project SET application_id = 3 WHERE id = 1;");

    assertThat(plan().orElseThrow().change().diff().orElseThrow().lines()).contains(
        "+ " + ALICE + " cyclades.vm quantity=1 capacity=8 import_limit=17 export_limit=29",
        "+ " + BOB + " cyclades.vm quantity=0 capacity=52 import_limit=10^32 export_limit=10^32");
  }

  @Test
  void aMissingSystemEntityIsCreatedAsTheQuotaholdersFixtureHasIt() {
    db.sql(DatabaseRole.ASTAKOS, "DELETE FROM quotaholder_app_entity");

    assertThat(apply(plan().orElseThrow()).done()).isTrue();

    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT owner_id || ' [' || key || ']' FROM quotaholder_app_entity WHERE entity = 'system'"))
        .containsExactly("system []");
  }

  @Test
  void anOrphanedPolicyIsDeletedAndRestoredByTheExport() {
    db.sql(DatabaseRole.ASTAKOS, new Rows().entity(BOB).policy("old", "0", "9", Rows.INF, Rows.INF)
        .holding(BOB, "cyclades.vm", "old", BigInteger.ZERO).sql());
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan().orElseThrow());

    assertThat(outcome.done()).isTrue();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT policy FROM quotaholder_app_policy WHERE policy = 'old'")).isEmpty();
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void aRowChangedBetweenPlanAndApplyMakesApplyFailWithNothingWritten() {
    DatabasePlan plan = plan().orElseThrow();
    db.sql(DatabaseRole.ASTAKOS, "UPDATE im_astakosuserquota SET capacity = 6 WHERE user_id = 1");
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.error().orElseThrow()).startsWith("the data changed since it was observed").contains("nothing written");
    assertThat(outcome.backups()).isEmpty();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
    assertThat(exports).isEmptyDirectory();
  }

  @Test
  void checkWritesNothing() {
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    assertThat(plan()).isPresent();

    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }
}
