package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the dumps around a phase with `backup:` are taken: the real dump script with stand-ins for psql
 * and pg_dump (DatabaseDumpsTest runs it against a real PostgreSQL). The "database" is two files: its WAL
 * position and its content; the phase's command changes both.
 */
class PhaseBackupsTest {
  @TempDir Path project;
  private Path db;

  @BeforeEach
  void setUp() throws IOException {
    db = Files.createDirectories(project.resolve("db"));
    Files.writeString(db.resolve("lsn"), "0/1\n");
    Files.writeString(db.resolve("content"), "users 500\n");
    Path bin = Files.createDirectories(project.resolve("bin"));
    executable(bin.resolve("psql"), "#!/bin/sh\ncat '" + db.resolve("lsn") + "'\n");
    executable(bin.resolve("pg_dump"), "#!/bin/sh\n[ -e '" + db.resolve("down") + "' ] && { echo 'connection refused' >&2; exit 1; }\n"
        + "cat '" + db.resolve("content") + "'\n");
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    usersPhase("""
          - command: echo 'users 490' > DB/content && echo 0/2 > DB/lsn && touch DB/merged
            id: merge-duplicates
            creates: DB/merged
        """);
  }

  /** The phase with `backup:` (its databases dumped through h1), with these resources; DB is the database. */
  private void usersPhase(String resources) throws IOException {
    Files.writeString(project.resolve("states/10-users.yml"), ("""
        phase: unique-users
        backup:
          databases: [astakos]
          hosts: h1
        resources:
        """ + resources).replace("DB", db.toString()));
  }

  private static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private RunReport apply(String runId) {
    List<HostTarget> hosts = List.of(new HostTarget("h1", ImmutableMap.of(
        "astakos_db_url", "jdbc:postgresql://db:5432/snf_apps", "astakos_db_user", "synnefo",
        "astakos_db_password", "pw-3c9")));
    DesiredState desired = LocalFleet.desired(project, hosts);
    LocalFleet fleet = new LocalFleet(Set.of(), "PATH='" + project.resolve("bin") + "':$PATH\n");
    return new Reconciler(fleet, new RunSettings(4, runId, project.resolve("backups").toString(), project.resolve("exports")))
        .apply(desired, hosts);
  }

  private static Map<String, ResourceResult> results(RunReport report) {
    return report.hosts().get(0).resources().stream().collect(Collectors.toMap(ResourceResult::id, r -> r));
  }

  private Path dumps() {
    return project.resolve("backups/db/db-5432-snf_apps");
  }

  @Test
  void theDatabaseIsDumpedBeforeThePhaseChangesItAndAfterAndARerunDumpsNothing() throws IOException {
    RunReport first = apply("run1");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Map<String, ResourceResult> results = results(first);
    assertThat(results.get("database-backup:astakos@before-unique-users").status()).isEqualTo(ResourceStatus.CHANGED);
    assertThat(results.get("database-backup:astakos@after-unique-users").backups())
        .containsExactly(dumps().resolve("run1-after-unique-users.sql.gz").toString());
    assertThat(new String(new java.util.zip.GZIPInputStream(Files.newInputStream(dumps().resolve("run1-before-unique-users.sql.gz")))
        .readAllBytes())).as("the dump before holds what was there before").isEqualTo("users 500\n");

    RunReport again = apply("run2");
    assertThat(again.summary().changes()).as(again.toString()).isZero();
    assertThat(results(again).keySet()).containsExactly("command:merge-duplicates");
  }

  @Test
  void whetherAPhaseHasWorkIsLookedAtOnAllItsHostsAtOnce() throws IOException {
    usersPhase("""
          - command: touch DB/h1-done
            creates: DB/h1-done
            hosts: h1
          - command: touch DB/h2-done
            creates: DB/h2-done
            hosts: h2
        """);
    ImmutableMap<String, String> vars = ImmutableMap.of("astakos_db_url", "jdbc:postgresql://db:5432/snf_apps",
        "astakos_db_user", "synnefo", "astakos_db_password", "pw-3c9");
    List<HostTarget> hosts = List.of(new HostTarget("h1", vars), new HostTarget("h2", vars));
    LocalFleet local = new LocalFleet(Set.of(), "PATH='" + project.resolve("bin") + "':$PATH\n");
    // Each host's first script (its look before the dumps) goes on only once the other host's has begun.
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    HostConnector together = new HostConnector() {
      @Override
      public io.reconcile.host.HostShell open(HostTarget host) {
        io.reconcile.host.HostShell shell = local.open(host);
        return (script, stdin, timeout) -> {
          if (started.add(host.name())) {
            both.countDown();
            try {
              if (!both.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                return new io.reconcile.host.ShellResult(1, new byte[0], "looked at alone".getBytes());
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          }
          return shell.run(script, stdin, timeout);
        };
      }

      @Override
      public int forward(HostTarget host, String remoteHost, int remotePort) {
        return local.forward(host, remoteHost, remotePort);
      }

      @Override
      public void close() {}
    };
    RunReport report = new Reconciler(together, new RunSettings(1, "run1", project.resolve("backups").toString(),
        project.resolve("exports"))).apply(LocalFleet.desired(project, hosts), hosts);

    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(results(report)).containsKey("database-backup:astakos@before-unique-users");
    assertThat(db.resolve("h1-done")).exists();
    assertThat(db.resolve("h2-done")).exists();
  }

  @Test
  void aDumpThatFailsStopsTheRunBeforeThePhaseChangesAnything() throws IOException {
    Files.writeString(db.resolve("down"), "");
    RunReport failed = apply("run1");
    assertThat(failed.exitCode()).isEqualTo(4);
    assertThat(failed.stoppedAt()).hasValue("unique-users");
    Map<String, ResourceResult> results = results(failed);
    assertThat(results.get("database-backup:astakos@before-unique-users").error().orElseThrow())
        .contains("connection refused").doesNotContain("pw-3c9");
    assertThat(results.get("command:merge-duplicates").status()).isEqualTo(ResourceStatus.SKIPPED);
    assertThat(Files.readString(db.resolve("content"))).isEqualTo("users 500\n");
  }
}
