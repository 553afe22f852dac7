package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import org.junit.jupiter.api.Test;

/** A 0.13 fleet: the converged state the reconciler upgrades 0.12 fleets to. */
@FleetTest(release = "0.13", users = 200, shared = true)
class Fleet013Test {
  @Test
  void everyHostRunsSynnefo013(Fleet fleet) {
    for (FleetHost host : fleet.hosts()) {
      CommandResult result = fleet.ssh(host.name(), "dpkg-query -W -f '${Version}\\n' snf-common");

      assertThat(result.exitStatus()).as("ssh %s: %s", host.name(), result.stderrText()).isZero();
      assertThat(result.stdoutText().strip()).as(host.name()).isEqualTo("0.13-1");
    }
  }

  @Test
  void cycladesHasMemcachedForTheVmapi(Fleet fleet) {
    CommandResult result = fleet.ssh("cyclades1", "dpkg-query -W -f '${Status}\\n' memcached python-memcache");

    assertThat(result.stdoutText().lines()).containsOnly("install ok installed").hasSize(2);
  }

  @Test
  void astakosDatabaseIsConvergedNoCaseDuplicatesAndEveryUserHasAUuid(Fleet fleet) {
    assertThat(fleet.psql(FleetDatabase.ASTAKOS,
        "SELECT lower(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1")).isBlank();
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM im_astakosuser WHERE uuid IS NULL").strip())
        .isEqualTo("0");
    // The 0.13 seed is the 0.12 one after the upgrade: duplicates merged, so at most the 200 users asked for.
    assertThat(Integer.parseInt(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM auth_user").strip()))
        .isBetween(1, 200);
  }
}
