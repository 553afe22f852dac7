package io.reconcile.db.quotasusage;

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

/** quotas-usage against real PostgreSQL: Cyclades and Pithos counting, the reset, refusals. */
@RequiresDocker
class UsageTest {
  static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  static final String BOB2 = "bbbbbbbb-0000-4000-8000-000000000003";
  static final String CAROL = "cccccccc-0000-4000-8000-000000000004";
  @TempDir Path exports;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows()
        .user(1, "alice@example.org", true, "2012-01-01", true, ALICE)
        .user(2, "Bob@Example.org", true, "2012-02-01", true, BOB)
        .user(3, "bob@example.org", false, "2012-01-15", true, BOB2)
        .user(4, "carol@example.org", true, "2012-03-01", true, CAROL)
        .entity(ALICE).entity(BOB)
        .policy("p", "0", "100", Rows.INF, Rows.INF)
        .holding(ALICE, "cyclades.vm", "p", BigInteger.ZERO)
        .holding(ALICE, "cyclades.cpu", "p", BigInteger.TEN)
        .holding(ALICE, "cyclades.ram", "p", BigInteger.valueOf(6442450944L))
        .holding(ALICE, "cyclades.disk", "p", BigInteger.ZERO)
        .holding(ALICE, "cyclades.network.private", "p", BigInteger.ONE)
        .holding(ALICE, "pithos+.diskspace", "p", BigInteger.valueOf(7))
        .holding(BOB, "cyclades.vm", "p", BigInteger.valueOf(5))
        .sql()
        // 10 imported - 2 exported: the formula, not a column, is the usage
        + "UPDATE quotaholder_app_holding SET exported = 2, exporting = 2 WHERE resource = 'cyclades.cpu';");
    db.sql(DatabaseRole.CYCLADES, new Rows()
        .flavor(1, 2, 1024, 20).flavor(2, 4, 4096, 40)
        .vm(1, "alice@example.org", 1, false)
        .vm(2, ALICE, 2, false)                       // named by uuid, as after the migration
        .vm(3, "alice@example.org", 2, true)          // deleted: not counted
        .vm(4, "ALICE@example.org", 1, false)         // another spelling of the same email
        .network(1, "alice@example.org", false).network(2, "alice@example.org", true).network(3, null, false)
        .sql());
    db.sql(DatabaseRole.PITHOS, new Rows()
        .node(1, 0, "alice@example.org", 0, 0)
        .node(2, 1, "alice@example.org/pithos", 0, 0)
        .node(3, 2, "alice@example.org/pithos/a.txt", 100, 0)
        .node(4, 2, "alice@example.org/pithos/gone.txt", 1000, 2)
        .sql()
        + "INSERT INTO versions (node, size, type, muser, uuid, checksum, cluster) VALUES (3, 50, '', 'alice@example.org', '', '', 1);");
  }

  private InvariantResource<?> usage() {
    return InvariantDeclarations.render("quotas-usage", "astakos",
        new UsageSpec("astakos", new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos"))));
  }

  private Optional<DatabasePlan> plan() {
    try (DatabaseSession session = db.session(exports)) {
      return usage().plan(session);
    }
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  @Test
  void countsNonDeletedVmsNetworksAndNormalVersionsPerUserWhateverTheSpelling() {
    DatabasePlan plan = plan().orElseThrow();

    assertThat(plan.change().before()).isEqualTo("usage differs for 2 users (4 holdings)");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "- " + ALICE + " cyclades.disk usage=0",
        "+ " + ALICE + " cyclades.disk usage=85899345920",
        "- " + ALICE + " cyclades.vm usage=0",
        "+ " + ALICE + " cyclades.vm usage=3",
        "- " + ALICE + " pithos+.diskspace usage=7",
        "+ " + ALICE + " pithos+.diskspace usage=100",
        "- " + BOB + " cyclades.vm usage=5",
        "+ " + BOB + " cyclades.vm usage=0");
  }

  @Test
  void applyResetsTheDifferingHoldingsAndTheExportUndoesIt() {
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan().orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(plan()).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT resource || ' ' || imported || ' ' || importing || ' ' || exported FROM quotaholder_app_holding"
        + " WHERE entity_id = '" + ALICE + "' ORDER BY 1")).containsExactly(
        "cyclades.cpu 10 10 2", "cyclades.disk 85899345920 85899345920 0", "cyclades.network.private 1 1 0",
        "cyclades.ram 6442450944 6442450944 0", "cyclades.vm 3 3 0", "pithos+.diskspace 100 100 0");
    assertThat(outcome.backups()).singleElement().asString().endsWith("astakos1/quotas-usage-astakos.astakos.sql");
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void usageOfAnOwnerMatchingTwoUsersIsRefusedWithNothingWritten() {
    db.sql(DatabaseRole.CYCLADES, new Rows().vm(5, "BOB@example.org", 1, false).sql());
    List<String> before = db.dump(DatabaseRole.ASTAKOS);
    DatabasePlan plan = plan().orElseThrow();
    assertThat(plan.change().diff().orElseThrow())
        .contains("! 1 owners match several Astakos users (BOB@example.org); apply users-unique first");

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.error().orElseThrow()).startsWith("refused, nothing written: 1 owners match several Astakos users");
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void usageWithoutAHoldingIsRefused() {
    db.sql(DatabaseRole.CYCLADES, new Rows().vm(5, "carol@example.org", 1, false).sql());

    DatabasePlan plan = plan().orElseThrow();

    assertThat(plan.change().diff().orElseThrow()).contains("- " + CAROL + " cyclades.vm (no holding)", "+ " + CAROL + " cyclades.vm usage=1",
        "! no holding for 4 counted usages (of 1 users); apply quotas-limits first");
    assertThat(apply(plan).error().orElseThrow()).contains("apply quotas-limits first");
  }

  @Test
  void aVmCreatedBetweenPlanAndApplyMakesApplyFail() {
    DatabasePlan plan = plan().orElseThrow();
    db.sql(DatabaseRole.CYCLADES, new Rows().vm(6, "alice@example.org", 1, false).sql());
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan);

    assertThat(outcome.error().orElseThrow()).startsWith("the data changed since it was observed");
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }
}
