package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetProject;
import io.reconcile.testing.FleetTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a fleet seeded with converged 0.13 data (fleet-seed-db computes its quotas and usage its own way),
 * every invariant holds: the reconciler's SQL and the seed's model agree, and a drift check exits 0.
 */
@FleetTest(release = "0.13", ganeti = 0, cyclades = 0, pithos = 0)
class DatabaseInvariants013FleetTest {
  @TempDir Path dir;

  @Test
  void convergedDataHasNoDrift(Fleet fleet) {
    FleetProject project = new FleetProject(dir, fleet);
    FleetInvariants.declare(fleet, project);

    ReconcileRun check = project.runInOwnJvm("--check", "--format", "json");

    assertThat(check.code()).as(check.out() + check.err()).isZero();
    Map<String, JsonNode> resources = FleetInvariants.resources(check.json());
    assertThat(resources.keySet()).containsExactlyElementsOf(FleetInvariants.TYPES);
    resources.values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ok"));
  }
}
