package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.quotasusage.UsageSpec;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.db.types.InvariantDeclarations;
import io.reconcile.db.usersunique.SurvivorRule;
import io.reconcile.db.usersunique.UsersUniqueSpec;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.testing.RequiresDocker;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Astakos, Cyclades and Pithos tables in one database: the roles share one connection and one transaction. */
@RequiresDocker
class SharedDatabaseTest {
  static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
  @TempDir Path exports;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(TestDatabases.SHARED, new Rows()
        .user(2, "Bob@Example.org", true, "2012-02-01", true, BOB)
        .user(3, "bob@example.org", false, "2012-01-15", true, "bbbbbbbb-0000-4000-8000-000000000003")
        .entity(BOB).policy("p", "0", "9", Rows.INF, Rows.INF)
        .holding(BOB, "cyclades.vm", "p", BigInteger.ZERO).holding(BOB, "cyclades.cpu", "p", BigInteger.ZERO)
        .holding(BOB, "cyclades.ram", "p", BigInteger.ZERO).holding(BOB, "cyclades.disk", "p", BigInteger.ZERO)
        .flavor(1, 1, 1024, 10).vm(1, "Bob@Example.org", 1, false).vm(2, "bob@example.org", 1, false)
        .node(10, 0, "Bob@Example.org", 0, 0).node(20, 0, "bob@example.org", 0, 0).node(21, 20, "bob@example.org/pithos", 0, 0)
        .sql());
  }

  private static Map<String, Object> vars() {
    Map<String, Object> vars = new HashMap<>(InvariantDeclarations.vars());
    for (String prefix : List.of("astakos", "cyclades", "pithos")) {
      vars.put(prefix + "_db_url", "jdbc:postgresql://db:5432/" + TestDatabases.SHARED);
    }
    return vars;
  }

  private List<String> queryShared(String sql) {
    try (var c = db.connect(TestDatabases.SHARED); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      List<String> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<DatabasePlan> plan(String type, InvariantSpec spec) {
    try (DatabaseSession session = db.session(exports)) {
      return DatabaseTypes.render(InvariantDeclarations.declaration(type, "astakos", spec), spec, vars()).plan(session);
    }
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  @Test
  void invariantsSpanningRolesOfOneDatabaseApplyAndHold() {
    DatabaseVariables all = new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos"));
    UsersUniqueSpec users = new UsersUniqueSpec("astakos", all, SurvivorRule.ACTIVE_THEN_OLDEST, ImmutableSet.of(),
        UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.MERGE);
    UsageSpec usage = new UsageSpec("astakos", all);

    ApplyOutcome merged = apply(plan("users-unique", users).orElseThrow());
    ApplyOutcome reset = apply(plan("quotas-usage", usage).orElseThrow());

    assertThat(merged.error()).isEmpty();
    assertThat(reset.error()).isEmpty();
    assertThat(plan("users-unique", users)).isEmpty();
    assertThat(plan("quotas-usage", usage)).isEmpty();
    assertThat(queryShared("SELECT resource || ' ' || imported FROM quotaholder_app_holding ORDER BY 1"))
        .containsExactly("cyclades.cpu 2", "cyclades.disk 21474836480", "cyclades.ram 2147483648", "cyclades.vm 2");
    assertThat(merged.backups()).hasSize(3).allSatisfy(b -> assertThat(b).contains("users-unique-astakos."));
  }
}
