package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.fleet.FleetSpec.HostSpec;
import org.junit.jupiter.api.Test;

class FleetSpecTest {
  @Test
  void hostsAreNamedPerRoleInInventoryOrder() {
    FleetSpec spec = FleetSpec.of(Release.V0_12).withGaneti(2).withPithos(0).withCyclades(2);

    assertThat(spec.hosts()).containsExactly(
        new HostSpec("astakos1", Role.ASTAKOS),
        new HostSpec("cyclades1", Role.CYCLADES),
        new HostSpec("cyclades2", Role.CYCLADES),
        new HostSpec("ganeti1", Role.GANETI),
        new HostSpec("ganeti2", Role.GANETI));
  }

  @Test
  void imagesAreTheLocalRoleImagesOfTheRelease() {
    assertThat(FleetSpec.of(Release.V0_13).withPithos(0).images())
        .containsExactly(FleetImages.namespace() + "/astakos:0.13", FleetImages.namespace() + "/cyclades:0.13",
            FleetImages.namespace() + "/ganeti:0.13");
  }

  @Test
  void aBastionFleetAlsoNeedsTheBaseImage() {
    assertThat(FleetSpec.of(Release.V0_13).withPithos(0).withCyclades(0).withBastion(true).images())
        .containsExactly(FleetImages.namespace() + "/astakos:0.13", FleetImages.namespace() + "/ganeti:0.13",
            FleetImages.namespace() + "/base:bookworm");
  }

  @Test
  void defaultsAreOneHostPerRoleAndFiveHundredUsers() {
    FleetSpec spec = FleetSpec.of(Release.V0_12);

    assertThat(spec.hosts()).extracting(HostSpec::name).containsExactly("astakos1", "cyclades1", "pithos1", "ganeti1");
    assertThat(spec.users()).isEqualTo(500);
  }

  @Test
  void rejectsNegativeCountsAndTooFewUsers() {
    assertThatThrownBy(() -> FleetSpec.of(Release.V0_12).withGaneti(-1)).hasMessageContaining("ganeti");
    assertThatThrownBy(() -> FleetSpec.of(Release.V0_12).withUsers(9)).hasMessageContaining("users");
  }

  @Test
  void releasesParseFromTheirTags() {
    assertThat(Release.parse("0.12").synnefoVersion()).isEqualTo("0.12.5-1");
    assertThat(Release.parse("0.13").synnefoVersion()).isEqualTo("0.13-1");
    assertThatThrownBy(() -> Release.parse("0.14")).hasMessageContaining("0.12, 0.13");
  }

  @Test
  void fleetNamesMustFitContainerAndHostNames() {
    assertThat(Fleet.requireValidName("t-1")).isEqualTo("t-1");
    assertThatThrownBy(() -> Fleet.requireValidName("T")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fleet.requireValidName("-t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fleet.requireValidName("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fleet.requireValidName("x".repeat(41))).isInstanceOf(IllegalArgumentException.class);
  }
}
