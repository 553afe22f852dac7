package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.fleet.FleetHost;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle in states/ and templates/ takes a 0.12 fleet (astakos, cyclades, pithos, two ganeti nodes)
 * to 0.13 in one run; an upgrade stopped in the middle resumes; every later run finds nothing to do.
 */
@FleetTest(release = "0.12", ganeti = 2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeBundleTest {
  private static final String TOKEN = "bundle-test-quotaholder-token-5e1";
  private static final Path REPO = Path.of("").toAbsolutePath();

  private static final String PITHOS_SETTINGS = "/etc/synnefo/20-snf-pithos-app-settings.conf";

  @TempDir static Path project;
  private Fleet fleet;
  private String pithosSettings012;

  @BeforeAll
  void writeProject(Fleet fleet) throws Exception {
    this.fleet = fleet;
    pithosSettings012 = fleet.exec("pithos1", "cat", PITHOS_SETTINGS).stdoutOrThrow("the operator's 0.12 Pithos settings");
    copy(REPO.resolve("states"), project.resolve("states"));
    copy(REPO.resolve("templates"), project.resolve("templates"));
    // What an operator does: paste the 0.12 per-user Cyclades quotas into states/60-quotas.yml.
    Path api = project.resolve("cyclades-api-0.12.conf");
    Files.writeString(api, fleet.ssh("cyclades1", "cat /etc/synnefo/20-snf-cyclades-app-api.conf").stdoutOrThrow("read api.conf"));
    Process paste = new ProcessBuilder(REPO.resolve("scripts/lib/paste-cyclades-quotas").toString(), api.toString(),
        project.resolve("states/60-quotas.yml").toString()).inheritIO().start();
    assertThat(paste.waitFor()).isZero();
    Files.writeString(project.resolve("prod.ini"), Files.readString(fleet.inventory()) + """

        [all:vars]
        astakos_url=https://accounts.test.synnefo.org
        cyclades_url=https://cyclades.test.synnefo.org
        quotaholder_url=https://accounts.test.synnefo.org/quotaholder/v
        quotaholder_token=%s
        cyclades_service_token=bundle-test-cyclades-token
        server_email=Synnefo Test <no-reply@test.synnefo.org>
        admins=Test Admin <admin@test.synnefo.org>, Other Admin <other@test.synnefo.org>
        pithos_backend_db_connection=postgresql://synnefo:example_db_password@db:5432/snf_pithos
        """.formatted(TOKEN));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }

  private ReconcileRun reconcile(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--known-hosts", fleet.knownHosts().toString(), "--export-dir", project.resolve("exports").toString(),
        "--progress", "none", "--format", "json"));
    args.addAll(List.of(flags));
    ReconcileRun run = ReconcileRun.of(args);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain("example_db_password");
    return run;
  }

  @Test
  @Order(1)
  void anUpgradeStoppedInPhaseTwoSaysWhereAndChangesNoLaterPhase() {
    // A package held back on one ganeti node makes its apt-get run fail in the packages phase.
    fleet.exec("ganeti2", "apt-mark", "hold", "snf-common").stdoutOrThrow("hold");
    ReconcileRun stopped = reconcile();
    assertThat(stopped.code()).as(stopped.toString()).isEqualTo(4);
    assertThat(stopped.json().get("stopped_at_phase").asText()).isEqualTo("packages");
    assertThat(stopped.statuses().get("astakos1")).containsEntry("users-unique:astakos", "changed")
        .containsEntry("command:astakos-django-migrations", "skipped");
    assertThat(stopped.statuses().get("ganeti2")).containsEntry("package:snf-common", "failed");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM south_migrationhistory WHERE migration LIKE '0003%'").strip())
        .as("no later phase ran").isEqualTo("0");
  }

  @Test
  @Order(2)
  void theNextRunResumesAndFinishesTheUpgrade() {
    fleet.exec("ganeti2", "apt-mark", "unhold", "snf-common").stdoutOrThrow("unhold");
    ReconcileRun resumed = reconcile();
    assertThat(resumed.code()).as(resumed.toString()).isZero();
    assertThat(resumed.statuses().get("astakos1")).as("finished work is not repeated")
        .containsEntry("users-unique:astakos", "ok").containsEntry("command:astakos-django-migrations", "changed");

    for (FleetHost host : fleet.hosts()) {
      assertThat(fleet.exec(host.name(), "dpkg-query", "-W", "-f", "${Version}", "snf-common").stdout()).as(host.name()).isEqualTo("0.13-1");
    }
    assertThat(fleet.exec("astakos1", "snf-manage", "astakos-quota", "--verify").stdout()).contains("No sync needed.");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM (SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) d").strip())
        .isEqualTo("0");
    assertThat(fleet.exec("pithos1", "pithos-migrate", "current").stdout()).contains("(head)");
    assertThat(fleet.exec("pithos1", "grep", "-x", "PITHOS_USE_QUOTAHOLDER = True", PITHOS_SETTINGS).exitCode()).isZero();
    // Written twice in this run (phase settings, then finish): the backup is the operator's 0.12 file, listed once.
    List<String> backups = new ArrayList<>();
    resumed.json().get("hosts").forEach(h -> {
      if (h.get("name").asText().equals("pithos1")) {
        h.get("resources").forEach(r -> r.get("backups").forEach(b -> backups.add(b.asText())));
      }
    });
    assertThat(backups).filteredOn(b -> b.endsWith(PITHOS_SETTINGS)).hasSize(1);
    String backup = backups.stream().filter(b -> b.endsWith(PITHOS_SETTINGS)).findFirst().orElseThrow();
    assertThat(fleet.exec("pithos1", "cat", backup).stdoutOrThrow("the backup")).isEqualTo(pithosSettings012);
    assertThat(fleet.exec("cyclades1", "sh", "-c", "service memcached status && service gunicorn status && service snf-dispatcher status").exitCode()).isZero();
    assertThat(fleet.exec("astakos1", "grep", "-c", "RewriteRule ^/login", "/etc/apache2/sites-available/synnefo-ssl").stdout().strip()).isEqualTo("0");
    assertThat(fleet.exec("astakos1", "stat", "-c", "%a %U %G", "/etc/synnefo/20-snf-astakos-app-settings.conf").stdout().strip())
        .isEqualTo("640 root synnefo");
  }

  @Test
  @Order(3)
  void everyLaterRunFindsNothingToDo() {
    ReconcileRun again = reconcile();
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.json().get("summary").get("changes").asInt()).isZero();
    ReconcileRun check = reconcile("--check");
    assertThat(check.code()).as(check.toString()).isZero();
    ReconcileRun quotas = reconcile("--check", "--tags", "quota");
    assertThat(quotas.code()).isZero();
    assertThat(quotas.statuses().get("astakos1").keySet()).containsExactlyInAnyOrder("quotas-limits:astakos", "quotas-usage:astakos");
  }
}
