package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.ResourceResult;
import io.reconcile.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run keeps of the files it replaces, through the real scripts on local files: the operator's
 * original, whatever later phases of the same run do to the file, and every earlier run's backups.
 */
class BackupsTest {
  private static final String ORIGINAL = "# the operator's 0.12 file\nPITHOS_QUOTAHOLDER_URL = 'https://old'\n";

  @TempDir Path project;
  private Path etc;

  @BeforeEach
  void setUp() throws IOException {
    etc = Files.createDirectories(project.resolve("etc"));
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/pithos.conf.ftl"), "PITHOS_USE_QUOTAHOLDER = ${use_quotaholder}\n");
    Files.writeString(etc.resolve("pithos.conf"), ORIGINAL);
  }

  /** The bundle's shape: the Pithos settings written in phase `settings`, and again in phase `finish`. */
  private void twoWritesOfOneFile(String between) throws IOException {
    state("10-settings.yml", """
        phase: settings
        resources:
          - file: ETC/pithos.conf
            id: pithos-during-migration
            template: pithos.conf.ftl
            vars: {use_quotaholder: "False"}
            when: "! test -e ETC/migrated"
        """);
    state("20-migrate.yml", """
        phase: migrate
        resources:
          - command: %s
            id: migrate
            creates: ETC/migrated
        """.formatted(between));
    state("30-finish.yml", """
        phase: finish
        resources:
          - file: ETC/pithos.conf
            template: pithos.conf.ftl
            vars: {use_quotaholder: "True"}
        """);
  }

  private void state(String name, String yaml) throws IOException {
    Files.writeString(project.resolve("states/" + name), yaml.replace("ETC", etc.toString()));
  }

  private RunReport apply(String runId) {
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    return new Reconciler(new LocalFleet(Set.of()),
        new RunSettings(1, runId, project.resolve("backups").toString(), project.resolve("exports")))
        .apply(LocalFleet.desired(project, hosts), hosts);
  }

  private Path backup(String runId) {
    return project.resolve("backups/" + runId + etc + "/pithos.conf");
  }

  private static List<String> backups(RunReport report) {
    return report.hosts().stream().flatMap(h -> h.resources().stream()).flatMap(r -> r.backups().stream()).toList();
  }

  @Test
  void aFileWrittenTwiceInOneRunKeepsTheOperatorsOriginalAndListsItOnce() throws IOException {
    twoWritesOfOneFile("touch ETC/migrated");

    RunReport run = apply("run1");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(etc.resolve("pithos.conf"))).isEqualTo("PITHOS_USE_QUOTAHOLDER = True\n");
    assertThat(Files.readString(backup("run1"))).as("the backup of the run").isEqualTo(ORIGINAL);
    assertThat(backups(run)).containsExactly(backup("run1").toString());
    ResourceResult first = run.hosts().get(0).resources().get(0);
    assertThat(first.backups()).as("the first write replaced the original").containsExactly(backup("run1").toString());
  }

  @Test
  void aRerunAfterAFailedRunKeepsTheEarlierRunsBackups() throws IOException {
    twoWritesOfOneFile("test -e ETC/allowed && touch ETC/migrated");

    RunReport failed = apply("run1");
    assertThat(failed.stoppedAt()).hasValue("migrate");
    assertThat(Files.readString(etc.resolve("pithos.conf"))).isEqualTo("PITHOS_USE_QUOTAHOLDER = False\n");

    Files.writeString(etc.resolve("allowed"), "");
    RunReport rerun = apply("run2");

    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    assertThat(Files.readString(backup("run1"))).as("the failed run's backup: the original").isEqualTo(ORIGINAL);
    assertThat(Files.readString(backup("run2"))).as("the rerun's: what it replaced").isEqualTo("PITHOS_USE_QUOTAHOLDER = False\n");
    assertThat(backups(rerun)).containsExactly(backup("run2").toString());
  }

  @Test
  void aFileRemovedAfterBeingWrittenInTheSameRunKeepsTheOriginal() throws IOException {
    state("10-first.yml", """
        phase: first
        resources:
          - file: ETC/pithos.conf
            content: "intermediate\\n"
            when: "test -e ETC/pithos.conf"
        """);
    state("20-second.yml", """
        phase: second
        resources:
          - file: ETC/pithos.conf
            id: gone
            state: absent
        """);

    RunReport run = apply("run1");

    assertThat(run.hosts().get(0).resources()).extracting(ResourceResult::id)
        .contains("file:" + etc + "/pithos.conf", "file:gone");
    assertThat(Files.exists(etc.resolve("pithos.conf"))).isFalse();
    assertThat(Files.readString(backup("run1"))).isEqualTo(ORIGINAL);
    assertThat(backups(run)).containsExactly(backup("run1").toString());
  }
}
