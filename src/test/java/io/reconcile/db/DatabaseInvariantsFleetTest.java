package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
class DatabaseInvariantsFleetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TYPES = List.of("users-unique", "services-registered", "quotas-initial", "quotas-limits", "quotas-usage");
  @TempDir static Path project;
  private static List<String> duplicateEmails;
  private static Map<String, String> losersBefore;
  private static JsonNode applied;

  private record Run(int code, String out, String err) {}

  private static Run reconcile(Fleet fleet, String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.reconcile.cli.Main",
        "--inventory", fleet.inventory().toString(), "--known-hosts", fleet.knownHosts().toString(),
        "--states", project.resolve("states").toString(), "--templates", project.resolve("templates").toString(),
        "--export-dir", project.resolve("exports").toString()));
    command.addAll(Arrays.asList(flags));
    Process process = new ProcessBuilder(command).directory(project.toFile()).redirectError(project.resolve("stderr").toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    String err = Files.readString(project.resolve("stderr"));
    assertThat(out + err).as("no credentials in any output").doesNotContain(FleetDatabase.PASSWORD);
    return new Run(code, out, err);
  }

  private static Map<String, JsonNode> resources(JsonNode report) {
    Map<String, JsonNode> byType = new LinkedHashMap<>();
    report.path("hosts").get(0).path("resources").forEach(r -> byType.put(r.path("type").asText(), r));
    return byType;
  }

  /** The seed's per-user Cyclades settings (a Python dict per setting) as YAML flow mappings. */
  private static Map<String, String> cycladesSettings(Fleet fleet) {
    String conf = fleet.exec(fleet.astakos().name(), "cat", "/srv/seed-out/cyclades-user-quota.conf").stdoutOrThrow("seed output");
    Map<String, String> settings = new LinkedHashMap<>();
    Matcher block = Pattern.compile("(?m)^(VMS_USER_QUOTA|NETWORKS_USER_QUOTA) = \\{([^}]*)\\}").matcher(conf);
    while (block.find()) {
      settings.put(block.group(1), "{" + block.group(2).lines().map(String::strip).filter(l -> !l.isEmpty())
          .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l).collect(Collectors.joining(", ")) + "}");
    }
    return settings;
  }

  private static void writeStates(Fleet fleet) throws IOException {
    Map<String, String> cyclades = cycladesSettings(fleet);
    Files.createDirectories(project.resolve("templates"));
    Files.createDirectories(project.resolve("states"));
    Files.writeString(project.resolve("states/50-database.yml"), """
        phase: database
        hosts: astakos1
        resources:
          - users-unique: astakos
            cyclades_database: cyclades
            pithos_database: pithos
            survivor: active-then-oldest
            cyclades: merge
            pithos: delete      # the default seed has Pithos path collisions, which a merge refuses
          - services-registered: astakos
            services:
              - service: cyclades
                resources:
                  - {name: disk, group: compute, uplimit: 30*1024*1024*1024, unit: bytes, desc: Virtual machine disk size}
                  - {name: cpu, group: compute, uplimit: 6, desc: Number of virtual machine processors}
                  - {name: ram, group: compute, uplimit: 6*1024*1024*1024, unit: bytes, desc: Virtual machines}
                  - {name: vm, group: compute, uplimit: 2, desc: Number of virtual machines}
                  - {name: network.private, group: network, uplimit: 1, desc: Private networks}
              - service: pithos+
                renamed_from: pithos
                resources:
                  - {name: diskspace, group: storage, uplimit: 5*1024*1024*1024, unit: bytes, desc: Pithos account diskspace}
          - quotas-initial: astakos
            pithos_database: pithos
            pithos_default_quota: 50*1024*1024*1024
            cyclades_vms: {users: VMS}
            cyclades_networks: {users: NETWORKS}
          - quotas-limits: astakos
            tags: [quota]
          - quotas-usage: astakos
            cyclades_database: cyclades
            pithos_database: pithos
            tags: [quota]
        """.replace("VMS", cyclades.get("VMS_USER_QUOTA")).replace("NETWORKS", cyclades.get("NETWORKS_USER_QUOTA")));
  }

  @Test
  @Order(1)
  void checkListsTheSeededDuplicatesAndOutOfSyncQuotas(Fleet fleet) throws Exception {
    writeStates(fleet);
    duplicateEmails = fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT lower(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1 ORDER BY 1").lines().toList();
    assertThat(duplicateEmails).hasSizeGreaterThan(1);

    Run check = reconcile(fleet, "--check", "--format", "json", "--accept-new-host-keys");

    assertThat(check.code()).as(check.err()).isEqualTo(2);
    Map<String, JsonNode> resources = resources(JSON.readTree(check.out()));
    assertThat(resources.keySet()).containsExactlyElementsOf(TYPES);
    resources.values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("drift"));
    String users = resources.get("users-unique").path("diff").asText().toLowerCase(java.util.Locale.ROOT);
    for (String email : duplicateEmails) {
      assertThat(users).contains("- astakos").contains(email);
    }
    assertThat(resources.get("users-unique").path("before").asText()).contains("astakos " + duplicateEmails.size() + ",");
    assertThat(resources.get("services-registered").path("diff").asText()).contains("- service pithos\n+ service pithos+\n");
    assertThat(resources.get("quotas-limits").path("before").asText()).matches("quotas differ for [1-9][0-9]* users \\([0-9]+ holdings\\)");
    assertThat(resources.get("quotas-usage").path("before").asText()).matches("usage differs for [1-9][0-9]* users \\([0-9]+ holdings\\)");

    Run text = reconcile(fleet, "--check", "--diff");
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

    Run apply = reconcile(fleet, "--format", "json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    applied = JSON.readTree(apply.out());
    resources(applied).values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("changed"));
    assertThat(resources(applied).get("users-unique").path("backups")).hasSize(3);
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM (SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) d"))
        .isEqualToIgnoringWhitespace("0");
  }

  @Test
  @Order(3)
  void checkAgainFindsNothing(Fleet fleet) throws Exception {
    Run check = reconcile(fleet, "--check", "--format", "json");

    assertThat(check.code()).as(check.out()).isZero();
    resources(JSON.readTree(check.out())).values().forEach(r -> assertThat(r.path("status").asText()).isEqualTo("ok"));
  }

  @Test
  @Order(4)
  void theUsersExportRestoresTheDeletedUsersRows(Fleet fleet) throws Exception {
    List<String> backups = new ArrayList<>();
    resources(applied).get("users-unique").path("backups").forEach(b -> backups.add(b.asText()));
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
