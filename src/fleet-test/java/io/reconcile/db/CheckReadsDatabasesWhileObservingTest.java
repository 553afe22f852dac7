package io.reconcile.db;

import io.reconcile.resource.ResourceTypes;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.HostShell;
import io.reconcile.host.LocalShell;
import io.reconcile.host.ShellResult;
import io.reconcile.plan.DesiredState;
import io.reconcile.plan.DesiredStateBuilder;
import io.reconcile.plan.HostConnector;
import io.reconcile.plan.HostTarget;
import io.reconcile.plan.Reconciler;
import io.reconcile.plan.ResourceRenderer;
import io.reconcile.plan.RunSettings;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import io.reconcile.template.TemplateRenderer;
import io.reconcile.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check reads a host's database invariants while the host runs its observation script, not after it
 * (the script of a Synnefo host runs snf-manage, which takes about as long): against real PostgreSQL,
 * with an observation that can only finish once the databases were reached.
 */
@RequiresDocker
class CheckReadsDatabasesWhileObservingTest {
  @TempDir Path project;
  private TestDatabases db;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabases.get();
    db.reset();
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("etc.conf"), "KEEP = 1\n");
    Files.writeString(project.resolve("states/10-files.yml"), """
        phase: settings
        resources:
          - line: %s
            id: keep
            text: KEEP = 1
        """.formatted(project.resolve("etc.conf")));
    Files.writeString(project.resolve("states/60-quotas.yml"), """
        phase: quotas
        resources:
          - quotas-limits: astakos
        """);
  }

  /** A host whose observation waits (at most 20 s) until the run reached its databases, or fails as given. */
  private final class DatabaseHost implements HostConnector {
    private final CountDownLatch forwarded = new CountDownLatch(1);
    private final boolean observationFails;

    DatabaseHost(boolean observationFails) {
      this.observationFails = observationFails;
    }

    @Override
    public HostShell open(HostTarget host) {
      return (script, stdin, timeout) -> {
        try {
          if (!forwarded.await(20, TimeUnit.SECONDS)) {
            return new ShellResult(1, new byte[0], "the databases were not read meanwhile".getBytes());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        return observationFails ? new ShellResult(3, new byte[0], "observation broke".getBytes())
            : new LocalShell().run(script, stdin, timeout);
      };
    }

    @Override
    public int forward(HostTarget host, String remoteHost, int remotePort) {
      forwarded.countDown();
      return db.session(project).tunnels().localPortFor(remoteHost, remotePort);
    }

    @Override
    public void close() {}
  }

  private HostResult check(boolean observationFails) {
    List<HostTarget> hosts = List.of(new HostTarget("astakos1", ImmutableMap.copyOf(io.reconcile.db.types.InvariantDeclarations.vars().entrySet()
        .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))));
    StateBundle bundle = new StateLoader(ResourceTypes.parsers())
        .load(new StateFiles(project.resolve("states"), project.resolve("templates")));
    DesiredState desired = new DesiredStateBuilder(new ResourceRenderer(new TemplateRenderer(project.resolve("templates"))),
        pattern -> Set.of("astakos1"), ImmutableMap.of("all", ImmutableList.of("astakos1")), hosts).build(bundle, hosts);
    try (DatabaseHost connector = new DatabaseHost(observationFails)) {
      return new Reconciler(connector, new RunSettings(1, "run-overlap", "/var/backups/reconcile",
          project.resolve("exports"))).check(desired, hosts).hosts().get(0);
    }
  }

  @Test
  void theInvariantsAreReadWhileTheObservationRunsAndReportedInDeclarationOrder() {
    HostResult host = check(false);
    assertThat(host.error()).isEmpty();
    assertThat(host.resources()).extracting(ResourceResult::id)
        .containsExactly("line:keep", "quotas-limits:astakos");
    assertThat(host.resources().get(0).status()).isEqualTo(ResourceStatus.OK);
    assertThat(host.resources().get(1).status()).as(host.toString()).isIn(ResourceStatus.OK, ResourceStatus.DRIFT);
  }

  @Test
  void aFailedObservationStillFailsTheHostWithItsOwnReason() {
    HostResult host = check(true);
    assertThat(host.status()).isEqualTo(HostStatus.FAILED);
    assertThat(host.error()).hasValueSatisfying(e -> assertThat(e).contains("observation failed (exit 3)", "observation broke"));
  }
}
