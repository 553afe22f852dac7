package io.reconcile.db.engine;

import io.reconcile.resource.ResourceTypes;
import io.reconcile.db.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.db.types.InvariantDeclarations;
import io.reconcile.host.HostShell;
import io.reconcile.plan.DesiredState;
import io.reconcile.plan.DesiredStateBuilder;
import io.reconcile.plan.HostConnector;
import io.reconcile.plan.HostTarget;
import io.reconcile.plan.Reconciler;
import io.reconcile.plan.ResourceRenderer;
import io.reconcile.plan.RunSettings;
import io.reconcile.report.HostResult;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import io.reconcile.template.TemplateRenderer;
import io.reconcile.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that makes a run wait, against real PostgreSQL: a check behind a table lock another session
 * holds (a migration, an operator's psql) ends at the lock timeout, fails that resource naming the lock
 * and its holder, and the run exits 4; nothing was read, nothing written.
 */
@RequiresDocker
class DatabaseTimeoutsTest {
  @TempDir Path project;
  private TestDatabases db;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabases.get();
    db.reset();
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("states/60-quotas.yml"), """
        phase: quotas
        resources:
          - quotas-limits: astakos
            tags: [quota]
        """);
  }

  /** The run's hosts reach the test database the way SSH tunnels would: a local port. */
  private final class DatabaseHost implements HostConnector {
    @Override
    public HostShell open(HostTarget host) {
      throw new AssertionError("a database invariant needs no shell");
    }

    @Override
    public int forward(HostTarget host, String remoteHost, int remotePort) {
      return db.session(project).tunnels().localPortFor(remoteHost, remotePort);
    }

    @Override
    public void close() {}
  }

  private RunReport check(RunSettings settings) {
    List<HostTarget> hosts = List.of(new HostTarget("astakos1", ImmutableMap.copyOf(InvariantDeclarations.vars().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))));
    StateBundle bundle = new StateLoader(ResourceTypes.parsers()).load(new StateFiles(project.resolve("states"), project.resolve("templates")));
    DesiredState desired = new DesiredStateBuilder(new ResourceRenderer(new TemplateRenderer(project.resolve("templates"))),
        pattern -> Set.of("astakos1"), ImmutableMap.of("all", ImmutableList.of("astakos1")), hosts).build(bundle, hosts);
    try (DatabaseHost connector = new DatabaseHost()) {
      return new Reconciler(connector, settings).check(desired, hosts);
    }
  }

  @Test
  void aCheckBehindATableLockEndsAtTheLockTimeoutNamingTheLockAndItsHolder() throws Exception {
    try (Connection migration = db.connect(DatabaseRole.ASTAKOS); Statement s = migration.createStatement()) {
      migration.setAutoCommit(false);
      s.execute("SET application_name = 'long-migration'");
      s.execute("LOCK TABLE im_astakosuser IN ACCESS EXCLUSIVE MODE");

      Instant started = Instant.now();
      RunReport report = check(new RunSettings(1, "run-lock", "/var/backups/reconcile", project.resolve("exports"),
          Duration.ofSeconds(120), new DatabaseTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(60))));
      Duration took = Duration.between(started, Instant.now());

      assertThat(took).as("bounded by the 2 s lock timeout, not the holder").isLessThan(Duration.ofSeconds(15));
      assertThat(report.exitCode()).isEqualTo(4);
      HostResult host = report.hosts().get(0);
      ResourceResult limits = host.resources().get(0);
      assertThat(limits.status()).isEqualTo(ResourceStatus.FAILED);
      assertThat(limits.error()).hasValueSatisfying(e -> assertThat(e)
          .contains("lock timeout (2 s, --db-lock-timeout)", "im_astakosuser", "AccessExclusiveLock", "long-migration", "LOCK TABLE im_astakosuser"));
      migration.rollback();
    }
  }

  @Test
  void aQueryRunningLongerThanTheStatementTimeoutIsCancelled() throws Exception {
    DatabaseSession session = new DatabaseSession(db.session(project).tunnels(), project.resolve("exports"), "run-slow",
        new DatabaseTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    DatabaseEndpoint endpoint = new DatabaseEndpoint("astakos", "db", 5432, "snf_apps", "", TestDatabases.USER, TestDatabases.PASSWORD);
    Instant started = Instant.now();
    try (session; Statement s = session.connection(endpoint).createStatement()) {
      assertThat(catchThrowableOfType(java.sql.SQLException.class, () -> s.executeQuery("SELECT pg_sleep(30)")).getSQLState())
          .as("canceled by the statement timeout").isEqualTo("57014");
    }
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }
}
