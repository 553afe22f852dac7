package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Lists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The docker command line, for tests that check the fleet's containers independently of FleetDocker. */
final class DockerCli {
  private DockerCli() {}

  /** Runs {@code docker ARGS...}, asserts it succeeded and returns its stdout. */
  static String run(String... args) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Lists.asList("docker", args)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("docker %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
