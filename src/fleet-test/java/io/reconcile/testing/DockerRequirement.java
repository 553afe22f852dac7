package io.reconcile.testing;

import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetSpec;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * What a Docker-backed test does when Docker (or something built with it) is missing: under CI=true it
 * fails, because CI must run those tests; elsewhere it is skipped with the reason and the fix.
 */
public final class DockerRequirement {
  private DockerRequirement() {}

  /** True when the environment variable CI is "true" (as in .ci/run). */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails (CI) or skips (elsewhere) the calling test unless a Docker engine answers. */
  public static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable("no Docker engine answers");
    }
  }

  /** Fails (CI) or skips (elsewhere) the calling test unless Docker answers and has the spec's fleet images. */
  public static void requireFleetImages(FleetSpec spec) {
    requireDocker();
    List<String> missing = Fleet.missingImages(spec);
    if (!missing.isEmpty()) {
      unavailable("fleet images missing: " + String.join(", ", missing));
    }
  }

  /** Fails (CI) or skips (elsewhere) the calling test: something it needs is missing. */
  public static void unavailable(String reason) {
    unavailable(reason, inCi());
  }

  static void unavailable(String reason, boolean ci) {
    String fix = reason + "; scripts/test starts Docker and builds the fleet images before running the tests";
    if (ci) {
      throw new IllegalStateException("CI=true and this Docker-backed test cannot run: " + fix);
    }
    Assumptions.abort(fix);
  }
}
