package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.fleet.FleetDocker;
import io.reconcile.fleet.FleetMigrations;
import io.reconcile.fleet.FleetProject;
import io.reconcile.fleettests.EffectiveQuotas;
import io.reconcile.testing.FleetTest;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five database invariants end to end on a faithful 0.12.5 fleet, through the real path: the CLI (a
 * separate JVM) reads the fleet's inventory, opens an SSH session to astakos1, tunnels to db:5432 and
 * speaks JDBC. Before the migrations only users-unique can act (the quota invariants say the schema is
 * not migrated); it merges the seeded duplicates (its export restores them); the packages' migrations
 * then pass; the quota invariants converge, and no user's effective quota went down.
 */
@FleetTest(release = "0.12", ganeti = 0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseInvariants012FleetTest {
  private static final String NOT_MIGRATED = "blocked: the Astakos database has no im_resource yet (0.12.5 schema)";
  @TempDir static Path dir;
  private static FleetProject project;
  private static Map<Integer, Map<String, BigInteger>> quotasBefore;

  @Test
  @Order(0)
  void aMissingConnectionVariableIsAnInputErrorBeforeAnyHostIsContacted(Fleet fleet) throws Exception {
    FleetProject bad = new FleetProject(dir.resolve("bad"), fleet);
    bad.state("50-database.yml", """
        phase: database
        hosts: astakos1
        resources:
          - quotas-limits: billing
        """);

    ReconcileRun run = bad.runInOwnJvm("--check");

    assertThat(run.code()).isEqualTo(65);
    assertThat(run.err()).contains("states/50-database.yml:4: quotas-limits:billing: inventory variable 'billing_db_url' is not set"
        + " for host astakos1");
  }

  @Test
  @Order(1)
  void onThe0125SchemaUsersUniqueListsTheDuplicatesAndTheQuotaInvariantsWaitForTheMigrations(Fleet fleet) throws Exception {
    project = new FleetProject(dir.resolve("project"), fleet);
    FleetInvariants.declare(fleet, project);
    quotasBefore = EffectiveQuotas.before(fleet);
    List<String> duplicateEmails = fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT lower(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1 ORDER BY 1").lines().toList();
    assertThat(duplicateEmails).hasSizeGreaterThan(1);

    ReconcileRun check = project.runInOwnJvm("--check", "--format", "json", "--accept-new-host-keys");

    assertThat(check.code()).as(check.err()).isEqualTo(2);
    Map<String, JsonNode> resources = FleetInvariants.resources(check.json());
    assertThat(resources.keySet()).containsExactlyElementsOf(FleetInvariants.TYPES);
    String users = resources.get("users-unique").path("diff").asText().toLowerCase(java.util.Locale.ROOT);
    for (String email : duplicateEmails) {
      assertThat(users).contains("- astakos").contains(email);
    }
    assertThat(users).contains("objects held by both: the kept account's pass to history");
    assertThat(resources.get("users-unique").path("before").asText()).contains("astakos " + duplicateEmails.size() + ",");
    for (String type : List.of("services-registered", "quotas-initial", "quotas-limits", "quotas-usage")) {
      assertThat(resources.get(type).path("before").asText()).as(type).startsWith(NOT_MIGRATED);
    }
  }

  @Test
  @Order(2)
  void usersUniqueMergesTheDuplicatesAndItsExportRestoresTheRemovedUsers(Fleet fleet) throws Exception {
    String losers = fleet.psql(FleetDatabase.ASTAKOS, """
        SELECT u.id || ' ' || row_to_json(u)::text || ' ' || row_to_json(a)::text
          FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id
         WHERE lower(u.email) IN (SELECT lower(email) FROM auth_user GROUP BY 1 HAVING count(*) > 1) ORDER BY u.id""");
    Map<String, String> losersBefore = new LinkedHashMap<>();
    losers.lines().forEach(l -> losersBefore.put(l.substring(0, l.indexOf(' ')), l));

    ReconcileRun apply = project.runInOwnJvm("--tags", "users", "--format", "json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    JsonNode users = FleetInvariants.resources(apply.json()).get("users-unique");
    assertThat(users.path("status").asText()).isEqualTo("changed");
    assertThat(users.path("backups")).hasSize(3);
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM (SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) d"))
        .isEqualToIgnoringWhitespace("0");

    List<String> backups = new ArrayList<>();
    users.path("backups").forEach(b -> backups.add(b.asText()));
    String export = backups.stream().filter(b -> b.endsWith(".astakos.sql")).findFirst().orElseThrow();
    List<String> gone = new ArrayList<>(losersBefore.keySet());
    gone.removeAll(fleet.psql(FleetDatabase.ASTAKOS, "SELECT id FROM auth_user WHERE id IN (" + String.join(",", losersBefore.keySet())
        + ") ORDER BY id").lines().toList());
    assertThat(gone).isNotEmpty();
    String container = fleet.astakos().container();
    FleetDocker.connect().writeFile(container, "/tmp/restore.sql", Files.readAllBytes(Path.of(export)));
    assertThat(fleet.exec(fleet.astakos().name(), "env", "PGPASSWORD=" + FleetDatabase.PASSWORD, "psql", "-X", "-h", "127.0.0.1",
        "-U", FleetDatabase.USER, "-d", FleetDatabase.ASTAKOS.database(), "-v", "ON_ERROR_STOP=1", "-f", "/tmp/restore.sql").exitStatus())
        .isZero();
    for (String id : gone) {
      assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT u.id || ' ' || row_to_json(u)::text || ' ' || row_to_json(a)::text"
          + " FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE u.id = " + id).strip()).isEqualTo(losersBefore.get(id));
    }

    ReconcileRun again = project.runInOwnJvm("--tags", "users", "--format", "json");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
  }

  @Test
  @Order(3)
  void afterThePackagesMigrationsTheQuotaInvariantsConvergeAndNobodysQuotaWentDown(Fleet fleet) throws Exception {
    FleetMigrations.upgradeAndMigrate(fleet);

    ReconcileRun apply = project.runInOwnJvm("--format", "json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    Map<String, JsonNode> resources = FleetInvariants.resources(apply.json());
    assertThat(resources.get("users-unique").path("status").asText()).isEqualTo("ok");
    for (String type : List.of("services-registered", "quotas-initial", "quotas-limits", "quotas-usage")) {
      assertThat(resources.get(type).path("status").asText()).as(resources.get(type).toString()).isEqualTo("changed");
    }
    ReconcileRun check = project.runInOwnJvm("--check", "--format", "json");
    assertThat(check.code()).as(check.out()).isZero();
    FleetInvariants.resources(check.json()).values()
        .forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ok"));
    assertThat(EffectiveQuotas.decreases(quotasBefore, EffectiveQuotas.after(fleet))).isEmpty();
    // The check sees a decrease: with the 0.13 default vm uplimit (2) every default user would lose one VM.
    fleet.psql(FleetDatabase.ASTAKOS, "UPDATE im_resource SET uplimit = 2 WHERE name = 'vm'");
    assertThat(EffectiveQuotas.decreases(quotasBefore, EffectiveQuotas.after(fleet))).isNotEmpty().allMatch(d -> d.endsWith("cyclades.vm: 3 -> 2"));
    fleet.psql(FleetDatabase.ASTAKOS, "UPDATE im_resource SET uplimit = 3 WHERE name = 'vm'");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT entity_id || ' ' || resource FROM quotaholder_app_holding"
        + " WHERE entity_id IN ('cyclades', 'pithos+') ORDER BY 1").lines()).hasSize(6);
  }
}
