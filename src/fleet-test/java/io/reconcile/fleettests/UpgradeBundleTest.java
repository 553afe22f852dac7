package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.CloudProbe;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.fleet.FleetException;
import io.reconcile.fleet.FleetHost;
import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle in states/ and templates/ takes a faithful 0.12.5 fleet (astakos behind Apache, cyclades,
 * pithos, two ganeti nodes) to 0.13, and the cloud works afterwards. Runs stopped in the middle (a held
 * package, a wrong service token, a settings file broken by hand) stop in the phase where it matters,
 * name the cause, and converge on the rerun after the fix; every later run finds nothing to do.
 */
@FleetTest(release = "0.12", ganeti = 2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeBundleTest {
  private static final String TOKEN = "bundle-test-quotaholder-token-5e1";
  private static final String WRONG_SERVICE_TOKEN = "not-the-cyclades-token-0000000";
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final String CYCLADES_API = "/etc/synnefo/20-snf-cyclades-app-api.conf";
  /** The settings the bundle manages (BundleSettingsTest.MANAGED) and those it renames or removes. */
  private static final Set<String> MANAGED = Set.of("ADMINS", "ASTAKOS_EMAILCHANGE_ENABLED", "QUOTAHOLDER_TOKEN",
      "ASTAKOS_QUOTAHOLDER_URL", "ASTAKOS_QUOTAHOLDER_TOKEN", "ASTAKOS_SERVICES", "CYCLADES_ASTAKOS_SERVICE_TOKEN",
      "CYCLADES_PROXY_USER_SERVICES", "CYCLADES_USE_QUOTAHOLDER", "CYCLADES_QUOTAHOLDER_URL", "CYCLADES_QUOTAHOLDER_TOKEN",
      "VMAPI_CACHE_BACKEND", "VMAPI_BASE_URL", "PITHOS_QUOTAHOLDER_URL", "PITHOS_QUOTAHOLDER_TOKEN",
      "PITHOS_USE_QUOTAHOLDER", "PITHOS_USER_CATALOG_URL", "PITHOS_USER_FEEDBACK_URL", "PITHOS_USER_LOGIN_URL",
      "PITHOS_PROXY_USER_SERVICES", "SERVER_EMAIL", "ASTAKOS_DEFAULT_FROM_EMAIL", "ASTAKOS_DEFAULT_ADMIN_EMAIL",
      "ASTAKOS_ADMIN_NOTIFICATION_EMAIL_SUBJECT", "ASTAKOS_TWITTER_KEY", "ASTAKOS_TWITTER_TOKEN",
      "ASTAKOS_COOKIE_NAME", "PITHOS_ASTAKOS_COOKIE_NAME");

  @TempDir static Path project;
  private Fleet fleet;
  private String cycladesToken;
  private Map<String, Map<String, String>> settings012;
  private Map<Integer, Map<String, BigInteger>> quotas012;
  private Map<String, String> duplicateSurvivors;

  @BeforeAll
  void writeProject(Fleet fleet) throws Exception {
    this.fleet = fleet;
    copy(REPO.resolve("states"), project.resolve("states"));
    copy(REPO.resolve("templates"), project.resolve("templates"));
    // What an operator does: paste the 0.12 per-user Cyclades quotas into states/60-quotas.yml ...
    Path api = project.resolve("cyclades-api-0.12.conf");
    Files.writeString(api, FleetException.stdoutOrThrow(fleet.ssh("cyclades1", "cat " + CYCLADES_API), "read api.conf"));
    Process paste = new ProcessBuilder(REPO.resolve("scripts/lib/paste-cyclades-quotas").toString(), api.toString(),
        project.resolve("states/60-quotas.yml").toString()).inheritIO().start();
    assertThat(paste.waitFor()).isZero();
    // ... and read Cyclades' service token off Astakos (guide 3.5: snf-manage service-list).
    cycladesToken = fleet.run("astakos1", "snf-manage", "service-list", "-c").lines()
        .map(l -> List.of(l.split("\\|"))).filter(f -> f.contains("cyclades")).findFirst()
        .flatMap(f -> f.stream().filter(v -> v.matches("[0-9a-f]{32}")).findFirst()).orElseThrow();
    settings012 = effectiveSettings();
    quotas012 = EffectiveQuotas.before(fleet);
    duplicateSurvivors = new TreeMap<>();
    fleet.psql(FleetDatabase.ASTAKOS, "SELECT lower(email) FROM auth_user GROUP BY 1 HAVING count(*) > 1").lines()
        .forEach(email -> duplicateSurvivors.put(email.strip(), ""));
    writeInventory(WRONG_SERVICE_TOKEN);
  }

  private void writeInventory(String serviceToken) throws IOException {
    String clients = String.join(" ", address("astakos1"), address("cyclades1"), address("pithos1"));
    Files.writeString(project.resolve("prod.ini"), Files.readString(fleet.inventory()) + """

        [all:vars]
        astakos_url=https://astakos1
        cyclades_url=https://cyclades1
        quotaholder_url=https://astakos1/quotaholder/v
        quotaholder_token=%s
        cyclades_service_token=%s
        admins=Test Admin <admin@test.synnefo.org>, Other Admin <other@test.synnefo.org>

        [astakos:vars]
        astakos_clients=%s
        """.formatted(TOKEN, serviceToken, clients));
  }

  private String address(String host) {
    return fleet.run(host, "hostname", "-i").strip().split("\\s+")[0];
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }

  /**
   * The effective value (as Django's diffsettings prints it: NAME = repr) of every setting that the files of
   * /etc/synnefo assign, per Synnefo host: what the operator and the packages' conffiles set. (Settings only
   * the apps' defaults set change with the packages, INSTALLED_APPS say.)
   */
  private Map<String, Map<String, String>> effectiveSettings() {
    Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
    for (String host : List.of("astakos1", "cyclades1", "pithos1")) {
      Set<String> assigned = new java.util.HashSet<>();
      fleet.run(host, "sh", "-c", "cat /etc/synnefo/*.conf").lines()
          .map(l -> l.split("\\s*=", 2)[0]).filter(n -> n.matches("[A-Z_][A-Z0-9_]*")).forEach(assigned::add);
      Map<String, String> values = new TreeMap<>();
      String out = fleet.run(host, "snf-manage", "diffsettings");
      for (String line : out.lines().toList()) {
        int eq = line.indexOf(" = ");
        if (eq > 0 && assigned.contains(line.substring(0, eq))) {
          values.put(line.substring(0, eq), line.substring(eq + 3).replaceFirst("\\s+###$", ""));
        }
      }
      byHost.put(host, values);
    }
    return byHost;
  }

  /** The report and, should a service have failed, the end of its log: what an operator would read. */
  private String described(ReconcileRun run) {
    return run + "\ngunicorn on astakos1: " + fleet.exec("astakos1", "tail", "-n", "20", "/var/log/gunicorn/synnefo.log").stdout();
  }

  private ReconcileRun reconcile(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--known-hosts", fleet.knownHosts().toString(), "--export-dir", project.resolve("exports").toString(),
        "--progress", "none", "--format", "json"));
    args.addAll(List.of(flags));
    ReconcileRun run = ReconcileRun.of(args);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain("example_db_password")
        .doesNotContain(cycladesToken);
    return run;
  }

  private static String error(ReconcileRun run, String host, String id) {
    for (JsonNode h : run.json().get("hosts")) {
      if (h.get("name").asText().equals(host)) {
        for (JsonNode r : h.get("resources")) {
          if (r.get("id").asText().equals(id)) {
            return r.path("error").asText("");
          }
        }
      }
    }
    throw new AssertionError(id + " not in the report of " + host);
  }

  @Test
  @Order(1)
  void anUpgradeStoppedInPhaseTwoSaysWhereAndChangesNoLaterPhase() {
    // A package held back on one ganeti node makes its apt-get run fail in the packages phase.
    fleet.run("ganeti2", "apt-mark", "hold", "snf-common");
    ReconcileRun stopped = reconcile();
    assertThat(stopped.code()).as(stopped.toString()).isEqualTo(4);
    assertThat(stopped.json().get("stopped_at_phase").asText()).isEqualTo("packages");
    assertThat(stopped.statuses().get("astakos1")).containsEntry("users-unique:astakos", "changed")
        .containsEntry("command:astakos-django-migrations", "skipped")
        .containsEntry("database-backup:astakos@before-unique-users", "changed")
        .containsEntry("database-backup:astakos@after-unique-users", "changed");
    assertThat(stopped.statuses().get("ganeti2")).containsEntry("package:snf-common", "failed");
    JsonNode outage = stopped.json().get("outage");
    assertThat(outage.get("first_stopped_by").asText()).as(outage.toString())
        .contains("gunicorn on ", "(service:gunicorn-down-before-upgrade)");
    assertThat(Instant.parse(outage.get("first_stopped").asText()))
        .isAfter(Instant.parse(stopped.json().get("started").asText()));
    assertThat(outage.get("last_serving").isNull()).as("the services stay down until a later run finishes").isTrue();
    assertThat(outage.get("seconds").isNull()).isTrue();
    assertThat(outage.get("down_at_end")).extracting(JsonNode::asText)
        .contains("gunicorn on astakos1", "gunicorn on cyclades1", "gunicorn on pithos1",
            "snf-dispatcher on cyclades1");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM south_migrationhistory WHERE migration LIKE '0015%'").strip())
        .as("no later phase ran").isEqualTo("0");
    fleet.psql(FleetDatabase.ASTAKOS, "SELECT lower(email), email FROM auth_user").lines().map(l -> l.split("\\|"))
        .filter(f -> duplicateSurvivors.containsKey(f[0].strip())).forEach(f -> duplicateSurvivors.put(f[0].strip(), f[1].strip()));
  }

  @Test
  @Order(2)
  void aWrongServiceTokenStopsTheUserMigrationAndSaysSo() {
    fleet.run("ganeti2", "apt-mark", "unhold", "snf-common");
    ReconcileRun stopped = reconcile();
    assertThat(stopped.code()).as(stopped.toString()).isEqualTo(4);
    assertThat(stopped.json().get("stopped_at_phase").asText()).as(described(stopped)).isEqualTo("migrate-services");
    assertThat(error(stopped, "cyclades1", "command:cyclades-users-to-uuids")).contains("user migration failed", "401");
    assertThat(fleet.exec("astakos1", "test", "-e", "/etc/apache2/conf-enabled/reconcile-astakos-closed.conf").exitStatus())
        .as("Astakos stays closed to the public while the migration is not over").isZero();
  }

  @Test
  @Order(3)
  void aSettingsFileBrokenByHandStopsWhereItIsReadAndNamesIt() throws IOException {
    writeInventory(cycladesToken);
    fleet.run("cyclades1", "sh", "-c", "echo 'BROKEN_BY_HAND = (' >> " + CYCLADES_API);
    ReconcileRun stopped = reconcile();
    assertThat(stopped.code()).as(stopped.toString()).isEqualTo(4);
    // the first phase of this run that reads Cyclades' settings: the guard of its Django migrations
    assertThat(stopped.json().get("stopped_at_phase").asText()).as(described(stopped)).isEqualTo("migrate-django");
    assertThat(error(stopped, "cyclades1", "command:cyclades-django-migrations"))
        .contains("Failed to read settings file: " + CYCLADES_API);
  }

  @Test
  @Order(4)
  void theRunAfterTheFixFinishesTheUpgrade() {
    fleet.run("cyclades1", "sed", "-i", "/^BROKEN_BY_HAND = ($/d", CYCLADES_API);
    ReconcileRun resumed = reconcile();
    assertThat(resumed.code()).as(described(resumed)).isZero();
    assertThat(resumed.statuses().get("astakos1")).as("finished work is not repeated")
        .containsEntry("users-unique:astakos", "ok").containsEntry("command:astakos-django-migrations", "ok");
    JsonNode outage = resumed.json().get("outage");
    assertThat(outage.get("first_stopped").isNull()).as("the outage began in the first run: " + outage).isTrue();
    Instant resumedEnd = Instant.parse(resumed.json().get("started").asText())
        .plusMillis(Math.round(resumed.json().get("elapsed_seconds").asDouble() * 1000));
    assertThat(Instant.parse(outage.get("last_serving").asText())).isBeforeOrEqualTo(resumedEnd);
    assertThat(outage.get("down_at_end")).isEmpty();

    for (FleetHost host : fleet.hosts()) {
      assertThat(fleet.exec(host.name(), "dpkg-query", "-W", "-f", "${Version}", "snf-common").stdoutText()).as(host.name()).isEqualTo("0.13-1");
    }
    CommandResult sync = fleet.exec("astakos1", "snf-manage", "astakos-quota", "--sync");
    assertThat(sync.stdoutText()).as(sync.stderrText()).contains("No sync needed.");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM (SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) d").strip())
        .isEqualTo("0");
    assertThat(fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM (SELECT userid FROM db_virtualmachine UNION ALL"
        + " SELECT userid FROM db_network UNION ALL SELECT \"user\" FROM userdata_publickeypair) o(owner)"
        + " WHERE owner LIKE '%@%'").strip()).as("every Cyclades owner a uuid: the unknown ones exported, then deleted")
        .isEqualTo("0");
    assertThat(fleet.exec("pithos1", "pithos-migrate", "current").stdoutText()).contains("(head)");
    assertThat(fleet.exec("pithos1", "grep", "-x", "PITHOS_USE_QUOTAHOLDER = True", "/etc/synnefo/99-reconcile-pithos.conf").exitStatus()).isZero();
    assertThat(fleet.exec("cyclades1", "sh", "-c", "service memcached status && service gunicorn status && service snf-dispatcher status").exitStatus()).isZero();
    assertThat(fleet.exec("cyclades1", "grep", "-x", "SNF_DSPTCH_ENABLE=true", "/etc/default/snf-dispatcher").exitStatus()).isZero();
    assertThat(fleet.exec("astakos1", "grep", "-c", "RewriteRule ^/login", "/etc/apache2/sites-available/synnefo-ssl").stdoutText().strip()).isEqualTo("0");
    assertThat(fleet.exec("astakos1", "test", "-e", "/etc/apache2/conf-enabled/reconcile-astakos-closed.conf").exitStatus())
        .as("Astakos open to the public again").isNotZero();
    for (String managed : List.of("astakos1:/etc/synnefo/99-reconcile-astakos.conf", "cyclades1:/etc/synnefo/99-reconcile-cyclades.conf",
        "pithos1:/etc/synnefo/99-reconcile-pithos.conf")) {
      String[] hostAndPath = managed.split(":");
      assertThat(fleet.exec(hostAndPath[0], "stat", "-c", "%a %U %G", hostAndPath[1]).stdoutText().strip()).as(managed).isEqualTo("640 root www-data");
    }
  }

  @Test
  @Order(5)
  void theCloudWorksForAnOldUserAndAMergedDuplicate() {
    CloudProbe probe = CloudProbe.of(fleet);
    String flavor = fleet.psql(FleetDatabase.CYCLADES, "SELECT id FROM db_flavor WHERE NOT deleted ORDER BY disk, ram, cpu, id LIMIT 1").strip();
    String old = CloudProbe.userWithRoom(fleet, 2, 4, true);
    CloudProbe.Result works = probe.run(old, flavor);
    assertThat(works.works()).as("%s: %s%n%s", old, works.steps(), works.stderr()).isTrue();
    // A merged user owns what both spellings had, under one user's limits (a known limit of the merge:
    // docs/upgrade-0.13.md); the probe needs one with room left for a VM and a network.
    String merged = duplicateSurvivors.values().stream().filter(e -> !e.isEmpty()).filter(this::hasRoom).findFirst()
        .orElseThrow(() -> new AssertionError("no merged duplicate with room: " + duplicateSurvivors));
    CloudProbe.Result mergedWorks = probe.run(merged, flavor);
    assertThat(mergedWorks.works()).as("%s: %s%n%s", merged, mergedWorks.steps(), mergedWorks.stderr()).isTrue();
  }

  @Test
  @Order(6)
  void theCloudWorksForAUserWhoseProjectGrantsMoreVms() {
    // A user at the default VM limit, with no quota of their own, joins a project granting 2 more VMs (and
    // the cpu, ram and disk they take), the way Astakos does it: an application (as the web form stores
    // it), project-control --approve, the owner accepting the membership, and the sync project-control runs.
    String user = fleet.psql(FleetDatabase.CYCLADES, "SELECT userid FROM db_virtualmachine WHERE NOT deleted"
        + " GROUP BY userid HAVING count(*) = 3 ORDER BY userid").lines().map(String::strip)
        .filter(uuid -> fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM im_astakosuser a JOIN im_astakosuserquota q"
            + " ON q.user_id = a.user_ptr_id WHERE a.uuid = '" + uuid + "'").strip().equals("0"))
        .filter(uuid -> fleet.psql(FleetDatabase.PITHOS, "SELECT count(*) FROM nodes WHERE parent = 0 AND path = '" + uuid + "'")
            .strip().equals("1"))
        .findFirst().orElseThrow();
    String id = sql("SELECT user_ptr_id FROM im_astakosuser WHERE uuid = '" + user + "'");
    String email = sql("SELECT email FROM auth_user WHERE id = " + id);
    String flavor = fleet.psql(FleetDatabase.CYCLADES, "SELECT id FROM db_flavor WHERE NOT deleted ORDER BY disk, ram, cpu, id LIMIT 1").strip();
    CloudProbe probe = CloudProbe.of(fleet);
    assertThat(probe.run(email, flavor).step("create-server").orElseThrow().status()).as("at the limit").isEqualTo(413);

    String chain = sql("INSERT INTO im_chain DEFAULT VALUES RETURNING chain");
    String application = sql("INSERT INTO im_projectapplication (applicant_id, state, owner_id, chain, name, start_date,"
        + " end_date, member_join_policy, member_leave_policy, issue_date) VALUES (" + id + ", 0, " + id + ", " + chain
        + ", 'grant.test.synnefo.org', now(), '2099-01-01', 1, 1, now()) RETURNING id");
    // Two more VMs of the largest flavor (4 CPUs, 4 GiB, 40 GB): the user's VMs may already use all the
    // cpu, ram and disk the defaults allow.
    sql("INSERT INTO im_projectresourcegrant (resource_id, project_application_id, project_capacity, project_import_limit,"
        + " project_export_limit, member_capacity, member_import_limit, member_export_limit) SELECT r.id, " + application
        + ", 1e32, 1e32, 1e32, g.capacity, 1e32, 1e32 FROM im_resource r JOIN im_service s ON s.id = r.service_id"
        + " JOIN (VALUES ('vm', 2::numeric), ('cpu', 8), ('ram', 8 * 1024^3), ('disk', 80 * 1024^3)) g(name, capacity)"
        + " ON g.name = r.name WHERE s.name = 'cyclades' RETURNING id");
    CommandResult approve = fleet.exec("astakos1", "snf-manage", "project-control", "--approve", application);
    assertThat(approve.exitStatus()).as(approve.stderrText()).isZero();
    sql("INSERT INTO im_projectmembership (person_id, request_date, project_id, state, is_pending, is_active,"
        + " acceptance_date) VALUES (" + id + ", now(), " + chain + ", 1, true, false, now()) RETURNING id");
    CommandResult sync = fleet.exec("astakos1", "snf-manage", "project-control", "--check-expired");
    assertThat(sync.exitStatus()).as(sync.stderrText()).isZero();

    CloudProbe.Result works = probe.run(email, flavor);
    assertThat(works.works()).as("%s: %s%n%s", email, works.steps(), works.stderr()).isTrue();
  }

  private String sql(String statement) {
    return fleet.psql(FleetDatabase.ASTAKOS, statement).strip().lines().findFirst().orElse("").strip();
  }

  /** Fewer VMs and private networks than the 0.13 defaults (3, 5) allow, and no per-user quota row. */
  private boolean hasRoom(String email) {
    String uuid = fleet.psql(FleetDatabase.ASTAKOS, "SELECT a.uuid FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id"
        + " WHERE u.email = '" + email + "'").strip();
    String vms = fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_virtualmachine WHERE NOT deleted AND userid = '" + uuid + "'").strip();
    String networks = fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_network WHERE NOT deleted AND userid = '" + uuid + "'").strip();
    return Integer.parseInt(vms) < 3 && Integer.parseInt(networks) < 5;
  }

  @Test
  @Order(7)
  void everySettingTheBundleDoesNotManageIsUnchanged() {
    Map<String, Map<String, String>> after = effectiveSettings();
    for (Map.Entry<String, Map<String, String>> host : settings012.entrySet()) {
      Map<String, String> changed = new TreeMap<>();
      host.getValue().forEach((name, value) -> {
        String now = after.get(host.getKey()).get(name);
        if (!MANAGED.contains(name) && !value.equals(now)) {
          changed.put(name, value + " -> " + now);
        }
      });
      assertThat(changed).as(host.getKey()).isEmpty();
    }
  }

  @Test
  @Order(8)
  void noUsersQuotaWentDown() {
    assertThat(EffectiveQuotas.decreases(quotas012, EffectiveQuotas.after(fleet))).isEmpty();
  }

  @Test
  @Order(9)
  void everyDatabaseDumpRestoresIntoAnEmptyDatabase() {
    List<String> dumps = fleet.run("astakos1", "sh", "-c", "ls /var/backups/reconcile/db/*/*.sql.gz").lines().toList();
    assertThat(dumps).as("a dump of each database before the first change, at least").hasSizeGreaterThanOrEqualTo(3);
    for (String dump : dumps) {
      CommandResult restored = fleet.exec("astakos1", "sh", "-c", "set -e; cd \"$(dirname \"$1\")\"; sha256sum -c \"$1.sha256\" >/dev/null;"
          + " runuser -u postgres -- dropdb --if-exists restore_test; runuser -u postgres -- createdb restore_test;"
          + " gunzip -c \"$1\" | runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d restore_test >/dev/null;"
          + " runuser -u postgres -- psql -X -At -d restore_test -c \"SELECT count(*) FROM information_schema.tables"
          + " WHERE table_schema = 'public'\"", "restore", dump);
      assertThat(restored.exitStatus()).as(dump + ": " + restored.stderrText()).isZero();
      assertThat(Integer.parseInt(restored.stdoutText().strip())).as(dump).isGreaterThan(3);
    }
  }

  @Test
  @Order(10)
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
