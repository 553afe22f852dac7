package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.testing.RequiresDocker;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quotas-initial against real PostgreSQL: Pithos account quotas and Cyclades settings become user quotas. */
@RequiresDocker
class InitialQuotaTest {
  static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  static final String BOB2 = "bbbbbbbb-0000-4000-8000-000000000003";
  static final String CAROL = "cccccccc-0000-4000-8000-000000000004";
  static final BigInteger GIB = BigInteger.valueOf(1024L * 1024 * 1024);
  @TempDir Path exports;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(Db.ASTAKOS, new Rows()
        .user(1, "alice@example.org", true, "2012-01-01", true, ALICE)
        .user(2, "Bob@Example.org", true, "2012-02-01", true, BOB)
        .user(3, "bob@example.org", false, "2012-01-15", true, BOB2)
        .user(4, "carol@example.org", true, "2012-03-01", false, CAROL)
        .registry()
        .userQuota(1, 1, "5", "0", Rows.INF, Rows.INF)
        .sql() + "UPDATE im_service SET name = 'pithos+' WHERE name = 'pithos';");
    db.sql(Db.PITHOS, new Rows()
        .node(1, 0, "alice@example.org", 0, 0).accountQuota(1, GIB.multiply(BigInteger.TEN).toString())
        .node(2, 0, "carol@example.org", 0, 0).accountQuota(2, GIB.multiply(BigInteger.valueOf(5)).toString())
        .node(3, 0, "nobody@example.org", 0, 0).accountQuota(3, "1")
        .sql());
  }

  private static InitialQuotaSpec spec(ImmutableMap<String, BigInteger> vms) {
    return new InitialQuotaSpec("astakos", new DatabaseNames("astakos", Optional.empty(), Optional.of("pithos")),
        Optional.of(GIB.multiply(BigInteger.valueOf(5))),
        new InitialQuotaSpec.Settings(Optional.of(BigInteger.valueOf(3)), vms),
        new InitialQuotaSpec.Settings(Optional.of(BigInteger.valueOf(5)), ImmutableMap.of("Alice@Example.org", BigInteger.TEN)));
  }

  static final ImmutableMap<String, BigInteger> VMS = ImmutableMap.of(
      "alice@example.org", BigInteger.valueOf(5),   // already an Astakos row
      "CAROL@example.org", BigInteger.valueOf(3),   // the old default: not migrated
      CAROL, BigInteger.valueOf(4),                 // by uuid
      "ghost@example.org", BigInteger.valueOf(9));  // no such user: skipped

  private Optional<DatabasePlan> plan(ImmutableMap<String, BigInteger> vms) {
    try (DatabaseSession session = db.session(exports)) {
      return TestDatabases.render("quotas-initial", "astakos", spec(vms)).plan(session);
    }
  }

  @Test
  void valuesThatDifferFromTheOldDefaultsMustBeUserQuotasMappedToUuids() {
    DatabasePlan plan = plan(VMS).orElseThrow();

    assertThat(plan.change().before()).isEqualTo("3 initial quotas missing or different (2 users)");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "- " + ALICE + " cyclades.network.private (default)",
        "+ " + ALICE + " cyclades.network.private 10 0 10^32 10^32",
        "- " + ALICE + " pithos+.diskspace (default)",
        "+ " + ALICE + " pithos+.diskspace 10737418240 0 10^32 10^32",
        "- " + CAROL + " cyclades.vm (default)",
        "+ " + CAROL + " cyclades.vm 4 0 10^32 10^32");
  }

  @Test
  void applyWritesTheRowsThenHoldsAndTheExportUndoesIt() {
    db.sql(Db.ASTAKOS, "UPDATE im_astakosuserquota SET capacity = 7 WHERE user_id = 1");
    List<String> before = db.dump(Db.ASTAKOS);
    ApplyOutcome outcome;
    try (DatabaseSession session = db.session(exports)) {
      outcome = plan(VMS).orElseThrow().apply(session);
    }

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(VMS)).isEmpty();
    assertThat(db.query(Db.ASTAKOS, "SELECT user_id || ' ' || resource_id || ' ' || capacity || ' ' || quantity FROM im_astakosuserquota ORDER BY 1"))
        .containsExactly("1 1 5 0", "1 2 10 0", "1 3 10737418240 0", "4 1 4 0");
    assertThat(db.psqlFile(Db.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(Db.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void anOwnerMatchingTwoUsersAndAnUnregisteredResourceAreRefused() {
    db.sql(Db.ASTAKOS, "UPDATE im_service SET name = 'pithos' WHERE name = 'pithos+'");

    DatabasePlan plan = plan(ImmutableMap.of("bob@example.org", BigInteger.valueOf(4))).orElseThrow();

    assertThat(plan.change().diff().orElseThrow()).contains(
        "! resource pithos+.diskspace is not registered; apply services-registered first",
        "! 1 owners match several Astakos users (bob@example.org); apply users-unique first");
    try (DatabaseSession session = db.session(exports)) {
      assertThat(plan.apply(session).error().orElseThrow()).startsWith("refused, nothing written");
    }
  }

  @Test
  void spellingsOfOneUserWithDifferentValuesAreDecidedByTheUsersOwnSpelling() {
    assertThat(plan(ImmutableMap.of("ALICE@example.org", BigInteger.valueOf(9), "alice@example.org", BigInteger.valueOf(6)))
        .orElseThrow().change().diff().orElseThrow()).contains("- " + ALICE + " cyclades.vm 5 0 10^32 10^32",
        "+ " + ALICE + " cyclades.vm 6 0 10^32 10^32");

    assertThat(plan(ImmutableMap.of("ALICE@example.org", BigInteger.valueOf(9), "Alice@example.org", BigInteger.valueOf(6)))
        .orElseThrow().change().diff().orElseThrow())
        .contains("! user " + ALICE + " has different values for cyclades.vm under spellings other than its email; keep one");
  }
}
