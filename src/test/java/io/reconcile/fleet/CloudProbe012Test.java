package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.FleetTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cloud-works probe on a 0.12 fleet: a user with room under the 0.12.5 limits (MAX_VMS_PER_USER 3,
 * MAX_NETWORKS_PER_USER 5, keyed by email) gets a VM, a private network and an upload; creating more is
 * refused with Cyclades' 413 overLimit.
 */
@FleetTest(release = "0.12")
class CloudProbe012Test {
  @Test
  void aUserWithRoomGetsAVmANetworkAndAnUploadThenIsRefusedOverTheLimit(Fleet fleet) {
    String email = userWithRoom(fleet);
    String flavor = fleet.psql(FleetDatabase.CYCLADES, "SELECT min(id) FROM db_flavor WHERE NOT deleted").strip();
    CloudProbe probe = CloudProbe.of(fleet);

    CloudProbe.Result works = probe.run(email, flavor);

    assertThat(works.works()).as("%s%n%s", works.steps(), works.stderr()).isTrue();
    assertThat(works.step("authenticate").orElseThrow().body()).contains("\"uniq\": \"" + email + "\"");
    assertThat(fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_virtualmachine WHERE userid = '"
        + email + "' AND name LIKE 'cloud-works-%' AND operstate = 'BUILD' AND action IS NULL").strip()).isEqualTo("1");
    assertThat(fleet.psql(FleetDatabase.PITHOS, "SELECT count(*) FROM nodes WHERE path LIKE '"
        + email + "/pithos/cloud-works-%'").strip()).isEqualTo("1");

    CloudProbe.Result refused = probe.overLimit(email, flavor, "vm");

    assertThat(refused.works()).as("%s", refused.steps()).isTrue();
    assertThat(refused.step("create-server").orElseThrow().body())
        .contains("\"overLimit\"", "Server count limit exceeded for your account.");
    assertThat(fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_virtualmachine WHERE userid = '"
        + email + "' AND NOT deleted").strip()).isEqualTo("3");
  }

  @Test
  void aTokenAstakosDoesNotKnowStopsTheProbeAtAuthentication(Fleet fleet) {
    CloudProbe.Result result = CloudProbe.of(fleet).runWithToken("0123456789abcdef0123456789abcdef", "1");

    assertThat(result.works()).isFalse();
    assertThat(result.steps()).extracting(CloudProbe.Step::name).containsExactly("authenticate");
    assertThat(result.step("authenticate").orElseThrow().status()).isEqualTo(401);
  }

  /** A verified, active user with a Pithos account, fewer than 3 VMs and no per-user quota. */
  private static String userWithRoom(Fleet fleet) {
    Set<String> accounts = fleet.psql(FleetDatabase.PITHOS, "SELECT path FROM nodes WHERE parent = 0 AND node <> 0")
        .lines().collect(Collectors.toSet());
    Set<String> full = fleet.psql(FleetDatabase.CYCLADES, "SELECT userid FROM db_virtualmachine WHERE NOT deleted"
        + " GROUP BY userid HAVING count(*) >= 3").lines().collect(Collectors.toSet());
    String quotaFile = fleet.exec(fleet.astakos().name(), "cat", "/srv/seed-out/cyclades-user-quota.conf").stdout();
    return fleet.psql(FleetDatabase.ASTAKOS, "SELECT u.email FROM auth_user u JOIN im_astakosuser a"
            + " ON a.user_ptr_id = u.id WHERE u.is_active AND a.email_verified AND a.auth_token IS NOT NULL"
            + " ORDER BY u.id").lines()
        .filter(accounts::contains)
        .filter(e -> !full.contains(e) && !quotaFile.contains("'" + e + "'"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the seed has no user with room for the probe"));
  }
}
