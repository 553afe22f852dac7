package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.fleet.FleetMigrations;
import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 0.12 fleet's databases are the real 0.12.5 schema (schema-0.12.5.txt, South history of 0.12.5, no
 * alembic_version), and the 0.13 packages' own commands (snf-manage syncdb + migrate, pithos-migrate
 * stamp + upgrade head) take them to the real 0.13 schema (schema-0.13.txt), migration 0016 refusing
 * while case-duplicate users remain.
 */
@FleetTest(release = "0.12", ganeti = 0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaFidelityTest {
  private static final String USERNAMES = "SELECT md5(string_agg(username, ',' ORDER BY id)) FROM auth_user";
  private static final String HEAD = "27381099d477";
  /** Every difference between the fleet's catalogs and a reference file, all three databases. */
  static List<String> differences(Fleet fleet, String referenceFile) {
    List<String> found = new ArrayList<>();
    ReferenceSchema.read(referenceFile).forEach((db, tables) ->
        found.addAll(SchemaComparison.differences(db.database(), tables, LiveSchema.read(sql -> fleet.psql(db, sql)))));
    return found;
  }

  /** "app migration" lines of a reference South history file. */
  static List<String> southReference(String file) throws IOException {
    return Files.readAllLines(ReferenceSchema.DIR.resolve(file)).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().toList();
  }

  static List<String> southHistory(Fleet fleet) {
    List<String> applied = new ArrayList<>();
    for (FleetDatabase db : List.of(FleetDatabase.ASTAKOS, FleetDatabase.CYCLADES)) {
      applied.addAll(fleet.psql(db, "SELECT app_name || ' ' || migration FROM south_migrationhistory").lines()
          .toList());
    }
    return applied.stream().sorted().toList();
  }

  private static void upgradePackages(Fleet fleet, String host) {
    CommandResult apt = FleetMigrations.upgradePackages(fleet, host);
    assertThat(apt.exitStatus()).as(host + ": " + apt.stdoutText() + apt.stderrText()).isZero();
  }

  @Test
  @Order(1)
  void the012DatabasesHoldExactlyThe0125Schema(Fleet fleet) throws IOException {
    assertThat(differences(fleet, "schema-0.12.5.txt")).isEmpty();
    assertThat(differences(fleet, "schema-0.13.txt")).as("what 0.13 adds is not there yet")
        .contains("snf_apps: im_astakosuser.uuid is missing (varchar(255) null)",
            "snf_apps: table quotaholder_app_entity is missing",
            "snf_apps: auth_user.username is varchar(30) not null, reference varchar(75) not null",
            "snf_cyclades: db_network.type is not in the reference (varchar(50) not null)",
            "snf_pithos: table config is missing");
    assertThat(southHistory(fleet)).isEqualTo(southReference("south-0.12.5.txt"));
    assertThat(fleet.psql(FleetDatabase.PITHOS, "SELECT to_regclass('alembic_version') IS NULL").strip())
        .as("pithos-migrate never ran on a 0.12.5 host").isEqualTo("t");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT count(*) FROM auth_user WHERE username !~ '^[0-9a-f]{30}$'").strip())
        .as("0.12.5 usernames are 30 hex digits").isEqualTo("0");
  }

  @Test
  @Order(2)
  void migration0016FailsAndRollsBackWhileCaseDuplicateUsersRemain(Fleet fleet) {
    upgradePackages(fleet, "astakos1");
    String usernames = fleet.psql(FleetDatabase.ASTAKOS, USERNAMES);

    CommandResult migrate = FleetMigrations.migrateDjango(fleet, "astakos1");

    assertThat(migrate.exitStatus()).isEqualTo(1);
    List<String> duplicates = fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT min(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1").lines().toList();
    assertThat(duplicates).isNotEmpty();
    // 0016 prints the first group of duplicates on stdout, then its input() prompt meets the end of stdin
    // (13:AM/0016:64-77).
    assertThat(migrate.stdoutText()).contains("Duplicate email found in database")
        .containsAnyOf(duplicates.toArray(String[]::new));
    assertThat(migrate.stderrText()).endsWith("EOFError: EOF when reading a line\n");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT max(migration) FROM south_migrationhistory").strip())
        .startsWith("0015_");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, USERNAMES))
        .as("0016 rolled back").isEqualTo(usernames);
  }

  @Test
  @Order(3)
  void theMigrationsOfThe013PackagesLeaveExactlyThe013Schema(Fleet fleet) throws IOException {
    removeSecondSpellings(fleet);
    upgradePackages(fleet, "cyclades1");
    upgradePackages(fleet, "pithos1");
    for (String host : List.of("astakos1", "cyclades1")) {
      CommandResult migrate = FleetMigrations.migrateDjango(fleet, host);
      assertThat(migrate.exitStatus()).as(host + ": " + migrate.stderrText()).isZero();
    }
    CommandResult pithos = FleetMigrations.migratePithos(fleet, "pithos1");
    assertThat(pithos.exitStatus()).as(pithos.stderrText()).isZero();
    // The 0.13 backend adds config and qh_serials when it first opens its database.
    CommandResult backend = fleet.exec("pithos1", "bash", "-c", ". /usr/lib/synnefo/fleet-db.sh && pithos_db_env"
        + " && for f in /usr/share/synnefo/pithos-backend/*.sql; do snf_psql -f $f || exit 1; done");
    assertThat(backend.exitStatus()).as(backend.stderrText()).isZero();

    assertThat(differences(fleet, "schema-0.13.txt")).isEmpty();
    assertThat(differences(fleet, "schema-0.12.5.txt")).hasSizeGreaterThan(40);
    assertThat(southHistory(fleet)).isEqualTo(southReference("south-0.13.txt"));
    assertThat(fleet.psql(FleetDatabase.PITHOS, "SELECT version_num FROM alembic_version").strip()).isEqualTo(HEAD);
  }

  @Test
  @Order(4)
  void theDataMigrationsDidWhatTheRealOnesDo(Fleet fleet) {
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, """
        SELECT count(*) FILTER (WHERE coalesce(a.uuid, '') = ''),
               count(*) FILTER (WHERE u.username <> lower(u.email)),
               count(*) FILTER (WHERE u.is_active AND NOT (a.email_verified AND a.activation_sent IS NOT NULL)),
               count(*) - (SELECT count(DISTINCT user_id) FROM im_astakosuserauthprovider WHERE module = 'local')
          FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id""").strip())
        .as("0016: no user without a uuid, usernames lower(email), active users verified, one local provider each")
        .isEqualTo("0|0|0|0");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT entity || ' ' || owner_id || ' [' || key || ']' FROM quotaholder_app_entity"))
        .as("the quotaholder's fixture").isEqualTo("system system []\n");
    assertThat(fleet.psql(FleetDatabase.CYCLADES,
        "SELECT DISTINCT flavor || ' ' || mode || ' ' || coalesce(tags, '-') FROM db_network ORDER BY 1").lines())
        .as("0061").containsExactly("IP_LESS_ROUTED routed ip-less-routed", "MAC_FILTERED bridged private-filtered",
            "PHYSICAL_VLAN bridged physical-vlan");
    // encode_url(public_id + 42) of pithos.api.short_url, values computed with the real module
    assertThat(fleet.psql(FleetDatabase.PITHOS,
        "SELECT public_id || ' ' || url FROM public WHERE public_id IN (1, 2, 3) ORDER BY 1"))
        .isEqualTo("1 9npwd\n2 jdycp\n3 yeq4h\n");
    Map<String, String> counts = Map.of(
        "nodes", "SELECT count(*) FROM nodes WHERE node <> 0 AND parent = 0 AND path !~ '^[0-9a-f-]{36}$'",
        "versions", "SELECT count(*) FROM versions WHERE muser !~ '^[0-9a-f-]{36}$'",
        "groups", "SELECT count(*) FROM groups WHERE owner !~ '^[0-9a-f-]{36}$' OR member !~ '^[0-9a-f-]{36}$'",
        "xfeaturevals", "SELECT count(*) FROM xfeaturevals WHERE value <> '*' AND value !~ '^[0-9a-f-]{36}(:.*)?$'");
    counts.forEach((table, sql) ->
        assertThat(fleet.psql(FleetDatabase.PITHOS, sql).strip()).as("165ba3fbfe53: " + table).isEqualTo("0"));
  }

  /** What the guide's section 2 and 6.2 leave: one user and one Pithos account per email (here: the first spelling). */
  private static void removeSecondSpellings(Fleet fleet) {
    String ids = fleet.psql(FleetDatabase.ASTAKOS, """
        SELECT string_agg(id::text, ',') FROM auth_user u
         WHERE EXISTS (SELECT 1 FROM auth_user f WHERE lower(f.email) = lower(u.email) AND f.id < u.id)""").strip();
    fleet.psql(FleetDatabase.ASTAKOS, "DELETE FROM im_astakosuser WHERE user_ptr_id IN (" + ids + ");"
        + " DELETE FROM auth_user WHERE id IN (" + ids + ")");
    fleet.psql(FleetDatabase.PITHOS, """
        CREATE TEMPORARY TABLE gone AS SELECT path FROM nodes n WHERE n.parent = 0 AND n.node <> 0
           AND EXISTS (SELECT 1 FROM nodes f WHERE f.parent = 0 AND lower(f.path) = lower(n.path) AND f.node < n.node);
        DELETE FROM public WHERE split_part(path, '/', 1) IN (SELECT path FROM gone);
        DELETE FROM xfeatures WHERE split_part(path, '/', 1) IN (SELECT path FROM gone);
        DELETE FROM xfeaturevals WHERE split_part(value, ':', 1) IN (SELECT path FROM gone);
        DELETE FROM groups WHERE owner IN (SELECT path FROM gone) OR member IN (SELECT path FROM gone);
        DELETE FROM versions WHERE muser IN (SELECT path FROM gone);
        DELETE FROM nodes WHERE path IN (SELECT path FROM gone)""");
  }
}
