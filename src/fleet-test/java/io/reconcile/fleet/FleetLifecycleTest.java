package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.testing.DockerRequirement;
import io.reconcile.testing.RequiresDocker;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fleet.up / Fleet.down as separate runs of scripts/fleet use them. */
@RequiresDocker
class FleetLifecycleTest {
  private static final String NAME = "lifecycle-test";
  private static final FleetSpec SMALL = FleetSpec.of(Release.V0_12).withCyclades(0).withPithos(0).withGaneti(1).withUsers(20);

  @BeforeAll
  static void requireImages() {
    DockerRequirement.requireFleetImages(SMALL);
  }

  @AfterEach
  void removeFleet() {
    Fleet.down(NAME);
  }

  @Test
  void downRemovesEveryContainerTheNetworkAndTheFiles() throws Exception {
    Fleet fleet = Fleet.up(NAME, SMALL);
    assertThat(FleetDocker.connect().containers(NAME)).hasSize(2);

    Fleet.down(NAME);

    assertThat(FleetDocker.connect().containers(NAME)).isEmpty();
    assertThat(FleetDocker.connect().networkExists(FleetDocker.networkName(NAME))).isFalse();
    assertThat(Files.exists(fleet.dir())).isFalse();
  }

  @Test
  void upReplacesAnEarlierFleetOfTheSameName() {
    Fleet first = Fleet.up(NAME, SMALL);
    Fleet second = Fleet.up(NAME, SMALL.withGaneti(0));

    assertThat(FleetDocker.connect().containers(NAME)).containsExactly(FleetDocker.containerName(NAME, "astakos1"));
    assertThat(second.astakos().hostKey()).isNotEqualTo(first.astakos().hostKey());
    assertThat(Fleet.load(NAME)).isEqualTo(second);
    assertThat(second.ssh("astakos1", "hostname").stdoutText().strip()).isEqualTo("astakos1");
  }

  @Test
  void downOfAFleetThatIsNotUpDoesNothing() {
    Fleet running = Fleet.up(NAME, SMALL);
    // Never started, and its name is a prefix of the running fleet's (Docker's name filters match substrings).
    String neverStarted = "lifecycle";

    Fleet.down(neverStarted);

    assertThat(FleetDocker.connect().containers(NAME)).as("the running fleet's containers").hasSize(2);
    assertThat(FleetDocker.connect().networkExists(FleetDocker.networkName(NAME))).as("its network").isTrue();
    assertThat(Fleet.load(NAME)).as("its files").isEqualTo(running);
    assertThat(running.ssh("ganeti1", "hostname").stdoutText().strip()).isEqualTo("ganeti1");
    assertThat(Files.exists(Fleet.baseDir().resolve(neverStarted))).as("no files for the fleet that is not up")
        .isFalse();
  }
}
