package io.reconcile.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetSpec;
import io.reconcile.fleet.Release;
import org.junit.jupiter.api.Test;

class FleetExtensionTest {
  @FleetTest(release = "0.13", ganeti = 3, pithos = 0, users = 70, seed = 9)
  private static final class Annotated {}

  @Test
  void specComesFromTheAnnotation() {
    FleetTest settings = Annotated.class.getAnnotation(FleetTest.class);

    assertThat(FleetExtension.specOf(settings))
        .isEqualTo(FleetSpec.of(Release.V0_13).withGaneti(3).withPithos(0).withUsers(70).withSeed(9));
  }

  @Test
  void fleetNamesAreValidStablePerCheckoutAndDistinctPerClass() {
    String name = FleetExtension.fleetName("UpgradeFromZeroTwelveToThirteenEndToEndTest");

    assertThat(Fleet.requireValidName(name)).isEqualTo(FleetExtension.fleetName("UpgradeFromZeroTwelveToThirteenEndToEndTest"));
    assertThat(name).isNotEqualTo(FleetExtension.fleetName("OtherTest"));
  }
}
