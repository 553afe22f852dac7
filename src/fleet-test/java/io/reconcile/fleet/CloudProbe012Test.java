package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.FleetTest;
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
    String email = CloudProbe.userWithRoom(fleet, 2, 4);
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
}
