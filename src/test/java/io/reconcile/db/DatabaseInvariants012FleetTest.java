package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.testing.FleetTest;
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
 * The five database invariants end to end on a fleet seeded with 0.12 data, through the real path: the
 * CLI (a separate JVM) reads the fleet's inventory, opens an SSH session to astakos1, tunnels to db:5432
 * and speaks JDBC. Check finds the seeded drift (exit 2), apply fixes it (exit 0), check finds nothing
 * (exit 0), and the export of users-unique restores the users it deleted.
 */
@FleetTest(release = "0.12", ganeti = 0, cyclades = 0, pithos = 0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseInvariants012FleetTest {
  @TempDir static Path project;
  private static List<String> duplicateEmails;
  private static Map<String, String> losersBefore;
  private static JsonNode applied;

  @Test
  @Order(0)
  void aMissingConnectionVariableIsAnInputErrorBeforeAnyHostIsContacted(Fleet fleet) throws Exception {
    Path bad = Files.createDirectories(project.resolve("bad"));
    Files.createDirectories(bad.resolve("templates"));
    Files.writeString(Files.createDirectories(bad.resolve("states")).resolve("50-database.yml"), """
        phase: database
        hosts: astakos1
        resources:
          - quotas-limits: billing
        """);

    FleetProject.Run run = FleetProject.reconcile(fleet, bad, "--check");

    assertThat(run.code()).isEqualTo(65);
    assertThat(run.err()).contains("states/50-database.yml:4: quotas-limits:billing: inventory variable 'billing_db_url' is not set"
        + " for host astakos1");
  }

  @Test
  @Order(1)
  void checkListsTheSeededDuplicatesAndOutOfSyncQuotas(Fleet fleet) throws Exception {
    FleetProject.writeStates(fleet, project);
    duplicateEmails = fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT lower(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1 ORDER BY 1").lines().toList();
    assertThat(duplicateEmails).hasSizeGreaterThan(1);

    FleetProject.Run check = FleetProject.reconcile(fleet, project, "--check", "--format", "json", "--accept-new-host-keys");

    assertThat(check.code()).as(check.err()).isEqualTo(2);
    Map<String, JsonNode> resources = FleetProject.resources(FleetProject.JSON.readTree(check.out()));
    assertThat(resources.keySet()).containsExactlyElementsOf(FleetProject.TYPES);
    resources.values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("drift"));
    String users = resources.get("users-unique").path("diff").asText().toLowerCase(java.util.Locale.ROOT);
    for (String email : duplicateEmails) {
      assertThat(users).contains("- astakos").contains(email);
    }
    assertThat(resources.get("users-unique").path("before").asText()).contains("astakos " + duplicateEmails.size() + ",");
    assertThat(resources.get("services-registered").path("diff").asText()).contains("- service pithos\n+ service pithos+\n");
    assertThat(resources.get("quotas-limits").path("before").asText()).matches("quotas differ for [1-9][0-9]* users \\([0-9]+ holdings\\)");
    assertThat(resources.get("quotas-usage").path("before").asText()).matches("usage differs for [1-9][0-9]* users \\([0-9]+ holdings\\)");

    FleetProject.Run text = FleetProject.reconcile(fleet, project, "--check", "--diff");
    assertThat(text.code()).isEqualTo(2);
    assertThat(text.out()).contains("~ quotas-limits:astakos: quotas differ for", "      + ");
  }

  @Test
  @Order(2)
  void applyFixesEveryInvariant(Fleet fleet) throws Exception {
    String losers = fleet.psql(FleetDatabase.ASTAKOS, """
        SELECT u.id || ' ' || row_to_json(u)::text || ' ' || row_to_json(a)::text
          FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id
         WHERE lower(u.email) IN (SELECT lower(email) FROM auth_user GROUP BY 1 HAVING count(*) > 1) ORDER BY u.id""");
    losersBefore = new LinkedHashMap<>();
    losers.lines().forEach(l -> losersBefore.put(l.substring(0, l.indexOf(' ')), l));

    FleetProject.Run apply = FleetProject.reconcile(fleet, project, "--format", "json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    applied = FleetProject.JSON.readTree(apply.out());
    FleetProject.resources(applied).values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("changed"));
    assertThat(FleetProject.resources(applied).get("users-unique").path("backups")).hasSize(3);
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM (SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) d"))
        .isEqualToIgnoringWhitespace("0");
  }

  @Test
  @Order(3)
  void checkAgainFindsNothing(Fleet fleet) throws Exception {
    FleetProject.Run check = FleetProject.reconcile(fleet, project, "--check", "--format", "json");

    assertThat(check.code()).as(check.out()).isZero();
    FleetProject.resources(FleetProject.JSON.readTree(check.out())).values().forEach(r -> assertThat(r.path("status").asText()).isEqualTo("ok"));
  }

  @Test
  @Order(4)
  void theUsersExportRestoresTheDeletedUsersRows(Fleet fleet) throws Exception {
    List<String> backups = new ArrayList<>();
    FleetProject.resources(applied).get("users-unique").path("backups").forEach(b -> backups.add(b.asText()));
    String export = backups.stream().filter(b -> b.endsWith(".astakos.sql")).findFirst().orElseThrow();
    List<String> gone = new ArrayList<>(losersBefore.keySet());
    gone.removeAll(fleet.psql(FleetDatabase.ASTAKOS, "SELECT id FROM auth_user WHERE id IN (" + String.join(",", losersBefore.keySet())
        + ") ORDER BY id").lines().toList());
    assertThat(gone).isNotEmpty();

    String container = fleet.astakos().container();
    Process copy = new ProcessBuilder("docker", "cp", export, container + ":/tmp/restore.sql").inheritIO().start();
    assertThat(copy.waitFor()).isZero();
    assertThat(fleet.exec(fleet.astakos().name(), "env", "PGPASSWORD=" + FleetDatabase.PASSWORD, "psql", "-X", "-h", "127.0.0.1",
        "-U", FleetDatabase.USER, "-d", FleetDatabase.ASTAKOS.database(), "-v", "ON_ERROR_STOP=1", "-f", "/tmp/restore.sql").exitCode())
        .isZero();

    for (String id : gone) {
      assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT u.id || ' ' || row_to_json(u)::text || ' ' || row_to_json(a)::text"
          + " FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE u.id = " + id).strip()).isEqualTo(losersBefore.get(id));
    }
  }
}
