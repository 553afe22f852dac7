package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.FleetTest;
import org.junit.jupiter.api.Test;

/**
 * The cloud-works probe on a 0.13 fleet, where Cyclades and Pithos commit to the Astakos quotaholder over
 * HTTP: a user with room gets a VM, a private network and an upload, each an accepted commission; a second
 * private network is refused with 413 (the default cyclades.network.private limit is 1); and a user the
 * quotaholder has no entity for cannot upload (413 Quota error: NoEntity).
 */
@FleetTest(release = "0.13")
class CloudProbe013Test {
  @Test
  void aUserWithRoomGetsCommissionsAcceptedThenIsRefusedOverTheLimit(Fleet fleet) {
    String email = CloudProbe.userWithRoom(fleet, 0, 0);
    String uuid = fleet.psql(FleetDatabase.ASTAKOS, "SELECT a.uuid FROM auth_user u JOIN im_astakosuser a"
        + " ON a.user_ptr_id = u.id WHERE u.email = '" + email + "'").strip();
    String flavor = fleet.psql(FleetDatabase.CYCLADES, "SELECT id FROM db_flavor WHERE NOT deleted"
        + " ORDER BY disk, ram, cpu, id LIMIT 1").strip();
    CloudProbe probe = CloudProbe.of(fleet);

    CloudProbe.Result works = probe.run(email, flavor);

    assertThat(works.works()).as("%s%n%s", works.steps(), works.stderr()).isTrue();
    assertThat(works.step("authenticate").orElseThrow().body()).contains("\"uuid\": \"" + uuid + "\"");
    assertThat(fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_virtualmachine v"
        + " JOIN db_quotaholderserial s ON s.serial = v.serial_id WHERE v.userid = '" + uuid
        + "' AND s.accepted AND NOT s.pending").strip()).isEqualTo("1");

    CloudProbe.Result refused = probe.overLimit(email, flavor, "network");

    assertThat(refused.works()).as("%s", refused.steps()).isTrue();
    assertThat(refused.step("create-network").orElseThrow().body())
        .contains("Resource Limit Exceeded for your account.", "Limit for resource 'Private Network' exceeded");
  }

  @Test
  void anAccountWithoutAQuotaholderEntityCannotUpload(Fleet fleet) {
    String email = CloudProbe.userWithRoom(fleet, 3, 3);
    String uuid = fleet.psql(FleetDatabase.ASTAKOS, "SELECT a.uuid FROM auth_user u JOIN im_astakosuser a"
        + " ON a.user_ptr_id = u.id WHERE u.email = '" + email + "'").strip();
    fleet.psql(FleetDatabase.ASTAKOS, "DELETE FROM quotaholder_app_holding WHERE entity_id = '" + uuid + "';"
        + " DELETE FROM quotaholder_app_entity WHERE entity = '" + uuid + "'");

    CloudProbe.Result result = CloudProbe.of(fleet).run(email, "1");

    assertThat(result.step("create-server").orElseThrow().status()).as("NoEntity is not a limit: 503").isEqualTo(503);
    assertThat(result.step("upload").orElseThrow().status()).isEqualTo(413);
    assertThat(result.step("upload").orElseThrow().body()).startsWith("Quota error:").contains(uuid);
  }
}
