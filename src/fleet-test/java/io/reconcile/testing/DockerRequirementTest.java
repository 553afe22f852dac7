package io.reconcile.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DockerRequirementTest {
  @Test
  void missingDockerFailsTheTestInCi() {
    assertThatThrownBy(() -> DockerRequirement.unavailable("no Docker engine answers", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("no Docker engine answers");
  }

  @Test
  void missingDockerSkipsTheTestElsewhereSayingHowToRunIt() {
    assertThatThrownBy(() -> DockerRequirement.unavailable("no Docker engine answers", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no Docker engine answers")
        .hasMessageContaining("scripts/test");
  }
}
