package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.fleet.Fleet;
import io.reconcile.testing.FleetTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a fleet seeded with converged 0.13 data (fleet-seed-db computes its quotas and usage its own way),
 * every invariant holds: the reconciler's SQL and the seed's model agree, and a drift check exits 0.
 */
@FleetTest(release = "0.13", ganeti = 0, cyclades = 0, pithos = 0)
class DatabaseInvariants013FleetTest {
  @TempDir Path project;

  @Test
  void convergedDataHasNoDrift(Fleet fleet) throws Exception {
    FleetProject.writeStates(fleet, project);

    FleetProject.Run check = FleetProject.reconcile(fleet, project, "--check", "--format", "json");

    assertThat(check.code()).as(check.out() + check.err()).isZero();
    JsonNode report = FleetProject.JSON.readTree(check.out());
    assertThat(FleetProject.resources(report).keySet()).containsExactlyElementsOf(FleetProject.TYPES);
    FleetProject.resources(report).values().forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ok"));
  }
}
