package io.reconcile.db.quotasinitial;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Rows;
import io.reconcile.db.TestDatabases;
import io.reconcile.db.quota.CountedUsage;
import io.reconcile.db.quota.Quantities;
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

/**
 * quotas-initial against real PostgreSQL: every explicit Pithos account quota and Cyclades per-user quota
 * becomes a user quota as the real exports and import write it, and nobody's quota goes down unless declared.
 */
@RequiresDocker
class InitialQuotaTest {
  static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  static final String BOB2 = "bbbbbbbb-0000-4000-8000-000000000003";
  static final String CAROL = "cccccccc-0000-4000-8000-000000000004";
  static final String DAVE = "dddddddd-0000-4000-8000-000000000005";
  static final BigInteger GIB = BigInteger.valueOf(1024L * 1024 * 1024);
  static final String GIB50 = GIB.multiply(BigInteger.valueOf(50)).toString();
  @TempDir Path exports;
  private TestDatabases db;

  /** After the migrations and services-registered, with the old defaults kept (vm 3, network.private 5, diskspace 50 GiB). */
  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows()
        .user(1, "alice@example.org", true, "2012-01-01", true, ALICE)
        .user(2, "Bob@Example.org", true, "2012-02-01", true, BOB)
        .user(3, "bob@example.org", false, "2012-01-15", true, BOB2)
        .user(4, "carol@example.org", true, "2012-03-01", false, CAROL)
        .user(5, "dave@example.org", true, "2012-03-02", true, DAVE)
        .registry()
        .userQuota(1, 1, "5", "0", Rows.INF, Rows.INF)
        .sql() + "UPDATE im_service SET name = 'pithos+' WHERE name = 'pithos';"
        + "UPDATE im_resource SET uplimit = CASE name WHEN 'vm' THEN 3 WHEN 'network.private' THEN 5 ELSE " + GIB50 + " END;");
    db.sql(DatabaseRole.PITHOS, new Rows()
        .node(1, 0, "alice@example.org", 0, 0).accountQuota(1, GIB.multiply(BigInteger.TEN).toString())
        .node(2, 0, "carol@example.org", 0, 0).accountQuota(2, GIB50)   // equal to the old default: exported all the same
        .node(3, 0, "nobody@example.org", 0, 0).accountQuota(3, "1")    // no such user: skipped
        .node(4, 0, "dave@example.org", 0, 0).accountQuota(4, "0")      // unlimited at 0.12.5
        .node(6, 0, "erin@example.org", 0, 0)                           // no quota row: the default
        .sql());
  }

  static final ImmutableMap<String, BigInteger> VMS = ImmutableMap.of(
      "alice@example.org", BigInteger.valueOf(5),   // already an Astakos row, as --set-capacity writes it
      "CAROL@example.org", BigInteger.valueOf(3),   // the old default: exported all the same
      CAROL, BigInteger.valueOf(4),                 // by uuid: the user's own spelling wins
      "ghost@example.org", BigInteger.valueOf(9));  // no such user: skipped

  private static InitialQuotaSpec spec(ImmutableMap<String, BigInteger> vms, Optional<BigInteger> unlimited, ImmutableSet<String> allow) {
    return new InitialQuotaSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.of("pithos")),
        Optional.of(GIB.multiply(BigInteger.valueOf(50))), unlimited,
        new InitialQuotaSpec.Settings(Optional.of(BigInteger.valueOf(3)), vms),
        new InitialQuotaSpec.Settings(Optional.of(BigInteger.valueOf(5)), ImmutableMap.of("Alice@Example.org", BigInteger.TEN)), allow);
  }

  private Optional<DatabasePlan> plan(InitialQuotaSpec spec) {
    try (DatabaseSession session = db.session(exports)) {
      return InvariantDeclarations.render("quotas-initial", "astakos", spec).plan(session);
    }
  }

  private Optional<DatabasePlan> plan(ImmutableMap<String, BigInteger> vms) {
    return plan(spec(vms, Optional.of(Quantities.INFINITE), ImmutableSet.of()));
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  @Test
  void everyExplicitOldQuotaBecomesAUserQuotaAsTheExportsWriteIt() {
    DatabasePlan plan = plan(VMS).orElseThrow();

    assertThat(plan.change().before()).isEqualTo("6 initial quotas missing or different (3 users)");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "- " + ALICE + " cyclades.network.private (default)",
        "+ " + ALICE + " cyclades.network.private 10 0 10^30 10^30",
        "- " + ALICE + " cyclades.vm 5 0 10^32 10^32",
        "+ " + ALICE + " cyclades.vm 5 0 10^30 10^30",
        "- " + ALICE + " pithos+.diskspace (default)",
        "+ " + ALICE + " pithos+.diskspace 10737418240 0 10^30 10^30",
        "- " + CAROL + " cyclades.vm (default)",
        "+ " + CAROL + " cyclades.vm 4 0 10^30 10^30",
        "- " + CAROL + " pithos+.diskspace (default)",
        "+ " + CAROL + " pithos+.diskspace 53687091200 0 10^30 10^30",
        "- " + DAVE + " pithos+.diskspace (default)",
        "+ " + DAVE + " pithos+.diskspace 10^32 0 10^30 10^30");
  }

  @Test
  void applyWritesTheRowsThenHoldsAndTheExportUndoesIt() {
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan(VMS).orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(VMS)).isEmpty();
    String limits = " 0 " + Quantities.EXPORT_INFINITE + " " + Quantities.EXPORT_INFINITE;
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT user_id || ' ' || resource_id || ' ' || capacity || ' ' || quantity || ' ' || import_limit"
        + " || ' ' || export_limit FROM im_astakosuserquota ORDER BY user_id, resource_id")).containsExactly(
        "1 1 5" + limits, "1 2 10" + limits, "1 3 10737418240" + limits, "4 1 4" + limits, "4 3 53687091200" + limits,
        "5 3 " + Quantities.INFINITE + limits);
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void anOldUnlimitedPithosQuotaNeedsADeclaredValueOrAnAllowedDecrease() {
    DatabasePlan undeclared = plan(spec(VMS, Optional.empty(), ImmutableSet.of())).orElseThrow();
    assertThat(undeclared.change().diff().orElseThrow()).startsWith("! 1 Pithos accounts have quota 0 (unlimited at 0.12.5), which"
        + " pithos-export-quota exports as capacity 0 (nothing allowed): declare pithos_unlimited_quota (10^32 keeps them practically"
        + " unlimited), or list pithos+.diskspace in allow_decrease to write 0 as the export does\n");
    assertThat(apply(undeclared).error().orElseThrow()).startsWith("refused, nothing written: 1 Pithos accounts have quota 0");

    assertThat(plan(spec(VMS, Optional.empty(), ImmutableSet.of(CountedUsage.PITHOS_RESOURCE))).orElseThrow().change().diff()
        .orElseThrow()).doesNotStartWith("!").contains("+ " + DAVE + " pithos+.diskspace 0 0 10^30 10^30");
  }

  @Test
  void aRegisteredDefaultBelowTheOldOneIsRefusedUnlessTheDecreaseIsDeclared() {
    db.sql(DatabaseRole.ASTAKOS, "UPDATE im_resource SET uplimit = 2 WHERE name = 'vm'; UPDATE im_resource SET uplimit = 5368709120 WHERE name = 'diskspace'");

    assertThat(plan(VMS).orElseThrow().change().diff().orElseThrow()).contains(
        "! 3 users without a per-user cyclades.vm quota would go from 3 (the old default) to 2 (its registered uplimit): register it"
            + " with uplimit 3 in services-registered (the guide: keep the defaults equal), or list it in allow_decrease\n",
        "! 2 users without a per-user pithos+.diskspace quota would go from 53687091200 (the old default) to 5368709120");
    assertThat(plan(spec(VMS, Optional.of(Quantities.INFINITE), ImmutableSet.of("cyclades.vm"))).orElseThrow().change().diff()
        .orElseThrow()).doesNotContain("cyclades.vm quota would go").contains("pithos+.diskspace quota would go");
  }

  @Test
  void anOwnerMatchingTwoUsersAndAnUnregisteredResourceAreRefused() {
    db.sql(DatabaseRole.ASTAKOS, "UPDATE im_service SET name = 'pithos' WHERE name = 'pithos+'");

    DatabasePlan plan = plan(ImmutableMap.of("bob@example.org", BigInteger.valueOf(4))).orElseThrow();

    assertThat(plan.change().diff().orElseThrow()).contains(
        "! resource pithos+.diskspace is not registered; apply services-registered first",
        "! 1 owners match several Astakos users (bob@example.org); apply users-unique first");
    assertThat(apply(plan).error().orElseThrow()).startsWith("refused, nothing written");
  }

  @Test
  void spellingsOfOneUserWithDifferentValuesAreDecidedByTheUsersOwnSpelling() {
    assertThat(plan(ImmutableMap.of("ALICE@example.org", BigInteger.valueOf(9), "alice@example.org", BigInteger.valueOf(6)))
        .orElseThrow().change().diff().orElseThrow()).contains("- " + ALICE + " cyclades.vm 5 0 10^32 10^32",
        "+ " + ALICE + " cyclades.vm 6 0 10^30 10^30");

    assertThat(plan(ImmutableMap.of("ALICE@example.org", BigInteger.valueOf(9), "Alice@example.org", BigInteger.valueOf(6)))
        .orElseThrow().change().diff().orElseThrow())
        .contains("! user " + ALICE + " has different values for cyclades.vm under spellings other than its email; keep one");
  }
}
