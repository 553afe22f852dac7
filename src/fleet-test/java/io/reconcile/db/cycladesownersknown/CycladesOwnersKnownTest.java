package io.reconcile.db.cycladesownersknown;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cyclades-owners-known against real PostgreSQL: owners Astakos does not know, exported, then deleted. */
@RequiresDocker
class CycladesOwnersKnownTest {
  static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
  @TempDir Path exports;
  private TestDatabases db;

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows().user(1, "Alice@example.org", true, "2012-01-01", true, ALICE)
        .user(2, "bob@example.org", true, "2012-01-02", true, null).sql());
    db.sql(DatabaseRole.CYCLADES, new Rows()
        .flavor(1, 2, 1024, 20)
        .vm(1, ALICE, 1, false)                          // migrated to the uuid
        .vm(2, "bob@example.org", 1, false)              // an email Astakos knows (not migrated yet)
        .vm(3, "ghost1@old.example.org", 1, false)       // unknown: removed
        .vm(4, "ghost1@old.example.org", 1, true)
        .network(1, "Ghost1@old.example.org", false)     // unknown whatever the case
        .network(2, null, false)                         // public
        .key(1, "ghost2@old.example.org").key(2, "BOB@example.org")
        .sql());
  }

  private Optional<DatabasePlan> plan() {
    try (DatabaseSession session = db.session(exports)) {
      return InvariantDeclarations.render("cyclades-owners-known", "astakos", new CycladesOwnersKnownSpec("astakos",
          new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.empty()))).plan(session);
    }
  }

  @Test
  void ownersThatAreEmailsNoAstakosUserHasAreFound() {
    DatabasePlan plan = plan().orElseThrow();

    assertThat(plan.change().before()).isEqualTo("3 Cyclades owners are emails no Astakos user has");
    assertThat(plan.change().diff().orElseThrow()).contains(
        "- Ghost1@old.example.org: 1 networks (no Astakos user has this email)",
        "- ghost1@old.example.org: 2 VMs (no Astakos user has this email)",
        "- ghost2@old.example.org: 1 key pairs (no Astakos user has this email)")
        .doesNotContain("bob@example.org", ALICE);
  }

  @Test
  void applyDeletesTheirRowsAfterExportingThemAndTheExportRestoresThem() {
    List<String> before = db.dump(DatabaseRole.CYCLADES);
    ApplyOutcome outcome;
    try (DatabaseSession session = db.session(exports)) {
      outcome = plan().orElseThrow().apply(session);
    }

    assertThat(outcome.error()).isEmpty();
    assertThat(plan()).isEmpty();
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT userid FROM db_virtualmachine ORDER BY id")).containsExactly(ALICE, "bob@example.org");
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT coalesce(userid, 'public') FROM db_network ORDER BY id")).containsExactly("public");
    assertThat(db.query(DatabaseRole.CYCLADES, "SELECT \"user\" FROM userdata_publickeypair")).containsExactly("BOB@example.org");
    assertThat(db.psqlFile(DatabaseRole.CYCLADES, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.CYCLADES)).isEqualTo(before);
  }
}
