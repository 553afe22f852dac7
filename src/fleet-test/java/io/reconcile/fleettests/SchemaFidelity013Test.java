package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The converged 0.13 seed (drift tests, benchmarks) has exactly the schema an upgraded host has: the
 * fleet-seed-db runs the same migration files as the packages' commands.
 */
@FleetTest(release = "0.13", users = 200, shared = true)
class SchemaFidelity013Test {
  @Test
  void theSeeded013DatabasesHoldExactlyThe013Schema(Fleet fleet) throws IOException {
    assertThat(SchemaFidelityTest.differences(fleet, "schema-0.13.txt")).isEmpty();
    assertThat(SchemaFidelityTest.southHistory(fleet)).isEqualTo(SchemaFidelityTest.southReference("south-0.13.txt"));
    assertThat(fleet.psql(FleetDatabase.PITHOS, "SELECT version_num FROM alembic_version").strip())
        .isEqualTo("27381099d477");
  }
}
