package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 0.12 fleet as scripts/fleet up t --release 0.12 --ganeti 2 starts it, checked as an operator would. */
@FleetTest(release = "0.12", ganeti = 2)
class Fleet012Test {
  @Test
  void everyHostAnswersOverSshWithTheFleetKeyAndRunsSynnefo0125(Fleet fleet) {
    assertThat(fleet.hosts()).extracting(FleetHost::name)
        .containsExactly("astakos1", "cyclades1", "pithos1", "ganeti1", "ganeti2");
    for (FleetHost host : fleet.hosts()) {
      CommandResult result = fleet.ssh(host.name(), "hostname; dpkg-query -W -f '${Version}\\n' snf-common");

      assertThat(result.exitStatus()).as("ssh %s: %s", host.name(), result.stderrText()).isZero();
      assertThat(result.stdoutText().lines()).as(host.name()).containsExactly(host.name(), "0.12.5-1");
    }
  }

  @Test
  void inventoryKeyAndKnownHostsAreTheOnesAnOperatorUses(Fleet fleet) throws IOException {
    String inventory = Files.readString(fleet.inventory());
    for (FleetHost host : fleet.hosts()) {
      assertThat(inventory).contains(host.name() + " ansible_host=127.0.0.1 ansible_port=" + host.sshPort()
          + " ansible_user=root ansible_ssh_private_key_file=" + fleet.privateKey());
    }
    assertThat(inventory).contains("[astakos]", "[cyclades]", "[pithos]", "[ganeti]");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fleet.privateKey()))).isEqualTo("rw-------");
    assertThat(Files.readAllLines(fleet.knownHosts())).hasSize(fleet.hosts().size());
  }

  @Test
  void aWrongHostKeyIsRefused(Fleet fleet, @TempDir Path dir) throws IOException {
    FleetHost astakos = fleet.astakos();
    FleetHost other = fleet.host("ganeti1");
    // known_hosts claiming astakos1's port has ganeti1's key: strict checking must refuse the login.
    Fleet lying = new Fleet(fleet.name(), fleet.spec(), dir, fleet.hosts());
    Files.copy(fleet.privateKey(), lying.privateKey());
    Files.writeString(lying.knownHosts(), "[127.0.0.1]:" + astakos.sshPort() + " " + other.hostKey() + "\n");

    CommandResult result = lying.ssh(astakos.name(), "true");

    assertThat(result.exitStatus()).isNotZero();
    assertThat(result.stderrText()).containsIgnoringCase("host key");
  }

  @Test
  void sshIsPublishedOnLoopbackOnly(Fleet fleet) throws Exception {
    for (FleetHost host : fleet.hosts()) {
      List<String> published = FleetDocker.connect().sshBindings(host.container());

      assertThat(published).as(host.name()).containsExactly("127.0.0.1:" + host.sshPort());
    }
  }

  @Test
  void databasesHaveUsersWhoseEmailsDifferOnlyInCase(Fleet fleet) {
    // Counts for 500 users, seed 1: src/fleet/README.md, "What N = 500, seed 1 creates".
    String duplicates = fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT lower(email), count(*) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1");
    String vmOwnersDifferingInCase = fleet.psql(FleetDatabase.CYCLADES,
        "SELECT count(*) FROM (SELECT lower(userid) FROM db_virtualmachine GROUP BY lower(userid)"
            + " HAVING count(DISTINCT userid) > 1) AS owners");

    assertThat(duplicates.lines()).hasSize(10).allSatisfy(line -> assertThat(line).matches(".+@.+\\|2"));
    assertThat(vmOwnersDifferingInCase.strip()).isEqualTo("10");
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM auth_user").strip()).isEqualTo("500");
  }

  @Test
  void cycladesHostsGotTheSeedsPerUserQuotas(Fleet fleet) {
    String seeded = fleet.run("astakos1", "cat", "/srv/seed-out/cyclades-user-quota.conf");

    assertThat(fleet.run("cyclades1", "cat", "/srv/seed-out/cyclades-user-quota.conf"))
        .isEqualTo(seeded);
  }

  @Test
  void hostsReachTheDatabaseByNameAndOffer013FromTheReadOnlyAptRepository(Fleet fleet) {
    CommandResult db = fleet.ssh("cyclades1", "getent hosts db");
    CommandResult apt = fleet.ssh("cyclades1", "apt-cache madison snf-common && ! touch /srv/repo/x 2>/dev/null");

    assertThat(db.exitStatus()).as(db.stderrText()).isZero();
    assertThat(apt.exitStatus()).as(apt.stderrText()).isZero();
    assertThat(apt.stdoutText()).contains("0.13-1", "0.12.5-1", "file:/srv/repo");
  }
}
