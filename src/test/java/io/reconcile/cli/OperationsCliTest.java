package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.cli.CliProject.Run;
import io.reconcile.report.JunitReport;
import io.reconcile.report.JunitXml;
import io.reconcile.report.JunitXml.TestCase;
import io.reconcile.report.PrometheusTextParser;
import io.reconcile.report.PrometheusTextParser.Family;
import io.reconcile.report.PrometheusTextParser.Sample;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unattended runs end to end over real SSH: JUnit and metrics files read back with a schema-validating
 * XML parser and the strict exposition-format parser, the run history, tags, progress, and the secret of
 * the inventory nowhere in any of them.
 */
class OperationsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private CliProject project;

  @BeforeEach
  void setUp() throws Exception {
    project = new CliProject(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    project.close();
  }

  private void inSync() throws IOException {
    Files.writeString(project.etc("web1").resolve("app.conf"), "HOST = 'web1'\nTOKEN = '" + CliProject.SECRET + "'\n");
    Files.writeString(project.etc("web2").resolve("app.conf"), "HOST = 'web2'\nTOKEN = '" + CliProject.SECRET + "'\n");
    Files.writeString(project.etc("web1").resolve("quota.conf"), "QUOTA = 10\n");
  }

  private static double sample(List<Family> families, String family, String... labels) {
    return PrometheusTextParser.find(families, family, labels(labels)).map(Sample::value)
        .orElseThrow(() -> new AssertionError("no " + family + " " + List.of(labels) + " in " + families));
  }

  private static Map<String, String> labels(String... pairs) {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void aDriftCheckPutsTheDriftIntoJunitAndMetricsAndTheSecretNowhere() throws Exception {
    inSync();
    Files.writeString(project.etc("web1").resolve("app.conf"), "HOST = 'web1'\nTOKEN = 'old'\n"); // injected drift
    Path junitFile = dir.resolve("reports/junit.xml");
    Path metricsFile = dir.resolve("textfile/reconcile.prom");

    Run check = project.reconcile("--check", "--report-junit", junitFile.toString(), "--metrics", metricsFile.toString());

    assertThat(check.code()).as(check.err()).isEqualTo(2);
    JunitXml junit = JunitXml.parse(Files.readString(junitFile));
    String appConf1 = "file:" + project.etc("web1").resolve("app.conf");
    TestCase drift = junit.testcase("web1", appConf1);
    assertThat(drift.outcome()).isEqualTo("failure");
    assertThat(drift.type()).contains("drift");
    assertThat(drift.text()).contains("-TOKEN = '********'", "+TOKEN = '********'").as("the old token too").doesNotContain("'old'");
    assertThat(junit.testcase("web2", "file:" + project.etc("web2").resolve("app.conf")).outcome()).isEqualTo("passed");
    assertThat(junit.testcase("web1", "file:" + project.etc("web1").resolve("quota.conf")).outcome()).isEqualTo("passed");
    assertThat(junit.testcase("web1", JunitReport.HOST_TESTCASE).outcome()).isEqualTo("passed");
    assertThat(junit.attribute("failures")).isEqualTo("1");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(metricsFile)))
        .as("readable by node_exporter's user").isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(junitFile))).isEqualTo("rw-------");
    List<Family> metrics = PrometheusTextParser.parse(Files.readString(metricsFile));
    assertThat(sample(metrics, "reconcile_resources_drifting", "scope", "all", "host", "web1", "type", "file")).isEqualTo(1);
    assertThat(sample(metrics, "reconcile_resources_drifting", "scope", "all", "host", "web2", "type", "file")).isZero();
    assertThat(sample(metrics, "reconcile_hosts", "scope", "all", "status", "drifted")).isEqualTo(1);
    assertThat(sample(metrics, "reconcile_run_exit_code", "scope", "all")).isEqualTo(2);
    assertThat(sample(metrics, "reconcile_last_successful_check_timestamp_seconds", "scope", "all"))
        .as("a check that found drift worked").isEqualTo(sample(metrics, "reconcile_run_timestamp_seconds", "scope", "all"));

    List<Path> written = Stream.concat(Stream.of(junitFile, metricsFile), files(project.stateDir).stream()).toList();
    assertThat(files(project.stateDir)).hasSize(3); // the run, the scope's last successful check, the run lock
    for (Path file : written) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CliProject.SECRET);
    }
    assertThat(check.out() + check.err()).doesNotContain(CliProject.SECRET);
    assertThat(files(dir.resolve("reports"))).as("written atomically: no temporary file left").hasSize(1);
  }

  @Test
  void anUnreachableHostIsOneFailingTestcaseAndTheLastSuccessfulCheckSurvivesTheFailedRun() throws Exception {
    inSync();
    Path metricsFile = dir.resolve("reconcile.prom");
    Run clean = project.reconcile("--check", "--metrics", metricsFile.toString());
    assertThat(clean.code()).as(clean.err()).isZero();
    double lastSuccess = sample(PrometheusTextParser.parse(Files.readString(metricsFile)),
        "reconcile_last_successful_check_timestamp_seconds", "scope", "all");

    try (ServerSocket socket = new ServerSocket(0)) {
      project.inventory(socket.getLocalPort()); // nothing answers SSH there
    }
    Path junitFile = dir.resolve("junit.xml");
    Run failed = project.reconcile("--check", "--metrics", metricsFile.toString(), "--report-junit", junitFile.toString());

    assertThat(failed.code()).as(failed.err()).isEqualTo(4);
    JunitXml junit = JunitXml.parse(Files.readString(junitFile));
    TestCase web2 = junit.testcase("web2", JunitReport.HOST_TESTCASE);
    assertThat(web2.outcome()).isEqualTo("error");
    assertThat(web2.type()).contains("unreachable");
    assertThat(junit.testcases()).filteredOn(t -> t.classname().equals("web2")).hasSize(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(metricsFile)))
        .as("readable by node_exporter's user").isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(junitFile))).isEqualTo("rw-------");
    List<Family> metrics = PrometheusTextParser.parse(Files.readString(metricsFile));
    assertThat(sample(metrics, "reconcile_host_unreachable", "scope", "all", "host", "web2")).isEqualTo(1);
    assertThat(sample(metrics, "reconcile_host_unreachable", "scope", "all", "host", "web1")).isZero();
    assertThat(sample(metrics, "reconcile_hosts", "scope", "all", "status", "unreachable")).isEqualTo(1);
    assertThat(sample(metrics, "reconcile_run_exit_code", "scope", "all")).isEqualTo(4);
    assertThat(sample(metrics, "reconcile_last_successful_check_timestamp_seconds", "scope", "all")).isEqualTo(lastSuccess);
    assertThat(sample(metrics, "reconcile_run_timestamp_seconds", "scope", "all")).isGreaterThan(lastSuccess);
  }

  @Test
  void historyListsThreeRunsWithTheirModesCountsAndTimes() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertThat(project.reconcile("--check").code()).isEqualTo(2); // 3 files missing
    assertThat(project.reconcile().code()).isZero();
    assertThat(project.reconcile("--check").code()).isZero();
    Instant after = Instant.now();

    Run history = CliProject.run("history", "--state-dir", project.stateDir.toString());
    assertThat(history.code()).as(history.err()).isZero();
    List<String> lines = history.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("RUN", "STARTED", "MODE", "HOSTS", "CHANGES", "FAILED", "EXIT", "OUTAGE_S", "SCOPE");
    List<String[]> rows = lines.stream().skip(1).map(l -> l.trim().split("\\s+")).toList();
    assertThat(rows).extracting(r -> r[2]).containsExactly("check", "apply", "check");
    assertThat(rows).extracting(r -> r[3]).containsExactly("2", "2", "2");
    assertThat(rows).extracting(r -> r[4]).containsExactly("0", "3", "3");
    assertThat(rows).extracting(r -> r[5]).containsExactly("0", "0", "0");
    assertThat(rows).extracting(r -> r[6]).containsExactly("0", "0", "2");
    assertThat(rows).extracting(r -> r[7]).as("no web service stopped or started").containsOnly("-");
    assertThat(rows).extracting(r -> r[8]).containsOnly("all");
    for (String[] row : rows) {
      assertThat(Instant.parse(row[1])).isBetween(before, after);
    }

    JsonNode runs = JSON.readTree(CliProject.run("history", "--format", "json", "--state-dir", project.stateDir.toString()).out());
    assertThat(runs).hasSize(3);
    Instant newest = Instant.parse(runs.get(0).get("started").asText());
    Instant middle = Instant.parse(runs.get(1).get("started").asText());
    Instant oldest = Instant.parse(runs.get(2).get("started").asText());
    assertThat(oldest).isAfterOrEqualTo(before).isBefore(middle);
    assertThat(middle).isBefore(newest);
    assertThat(newest).isBefore(after);

    String applyId = runs.get(1).get("id").asText();
    Run show = CliProject.run("show", applyId, "--state-dir", project.stateDir.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("Run " + applyId + ": apply of " + dir.resolve("prod.ini"), "web1: changed",
        "~ file:" + project.etc("web1").resolve("app.conf"), "+TOKEN = '********'", "Summary (apply)");
    JsonNode record = JSON.readTree(CliProject.run("show", applyId, "--format", "json", "--state-dir", project.stateDir.toString()).out());
    assertThat(record.get("exit_code").asInt()).isZero();
    assertThat(record.get("report").get("mode").asText()).isEqualTo("apply");
    assertThat(record.get("report").get("summary").get("changes").asInt()).isEqualTo(3);
    assertThat(record.get("plan").get(0).get("hosts").get("web1")).extracting(JsonNode::asText)
        .containsExactly("file:" + project.etc("web1").resolve("app.conf"), "file:" + project.etc("web1").resolve("quota.conf"));
    assertThat(show.out() + record).doesNotContain(CliProject.SECRET);

    Run unknown = CliProject.run("show", "no-such-run", "--state-dir", project.stateDir.toString());
    assertThat(unknown.code()).isEqualTo(64);
    assertThat(unknown.err()).contains("no run 'no-such-run'");
  }

  @Test
  void tagsSelectDeclarationsAndOnlyHostsThatHaveSomeAreContacted() throws Exception {
    Run check = project.reconcile("--check", "--tags", "quota", "--format", "json");
    assertThat(check.code()).as(check.err()).isEqualTo(2);
    JsonNode report = JSON.readTree(check.out());
    assertThat(report.get("hosts").get(0).get("resources")).extracting(r -> r.get("id").asText())
        .containsExactly("file:" + project.etc("web1").resolve("quota.conf"));
    assertThat(report.get("summary").get("changes").asInt()).isEqualTo(1);

    Run apply = project.reconcile("--tags", "quota");
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(project.etc("web1").resolve("quota.conf")).hasContent("QUOTA = 10");
    assertThat(project.etc("web1").resolve("app.conf")).doesNotExist();
    assertThat(project.web2.sessionsCreated()).as("web2 has no quota declaration: never contacted").isZero();

    Run skipped = project.reconcile("--check", "--skip-tags", "quota", "--format", "json");
    JsonNode rest = JSON.readTree(skipped.out());
    assertThat(rest.get("hosts").get(0).get("resources")).extracting(r -> r.get("id").asText())
        .containsExactly("file:" + project.etc("web1").resolve("app.conf"));
    assertThat(rest.get("summary").get("changes").asInt()).isEqualTo(2);

    JsonNode runs = JSON.readTree(CliProject.run("history", "--format", "json", "--state-dir", project.stateDir.toString()).out());
    assertThat(runs).extracting(r -> r.get("scope").asText()).containsExactly("skip-tags=quota", "tags=quota", "tags=quota");
  }

  @Test
  void aHistoryThatCannotBeWrittenIsAWarningAndTheExitStatusStaysTheFleets() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path metricsFile = dir.resolve("reconcile.prom");
    Run check = project.reconcile("--check", "--metrics", metricsFile.toString(),
        "--history-jdbc", "jdbc:postgresql://127.0.0.1:" + closedPort + "/ops?password=hunter2");

    assertThat(check.code()).isEqualTo(2);
    assertThat(check.err()).contains("warning: run ", " not recorded in the history: cannot open the run history at "
        + "jdbc:postgresql://127.0.0.1:" + closedPort + "/ops?...").doesNotContain("hunter2");
    assertThat(sample(PrometheusTextParser.parse(Files.readString(metricsFile)), "reconcile_resources_drifting",
        "scope", "all", "host", "web1", "type", "file")).isEqualTo(2);

    Run history = CliProject.run("history", "--history-jdbc", "jdbc:postgresql://127.0.0.1:" + closedPort + "/ops");
    assertThat(history.code()).isEqualTo(69);
    assertThat(history.err()).startsWith("reconcile: cannot open the run history at ").doesNotContain("Exception");
  }

  @Test
  void progressGoesToStderrAndNeverIntoTheJsonOnStdout() throws Exception {
    Run plain = project.reconcile("--check", "--format", "json", "--progress", "plain");
    assertThat(JSON.readTree(plain.out()).get("mode").asText()).isEqualTo("check");
    assertThat(plain.out()).doesNotContain("reconcile: [check]");
    assertThat(plain.err()).contains("reconcile: [check]: 2 hosts", "reconcile: [check]: web1: drifted (2 changes)",
        "reconcile: [check]: web2: drifted (1 change)");

    Run apply = project.reconcile("--progress", "plain");
    assertThat(apply.err()).contains("reconcile: [phase main]: 2 hosts", "reconcile: [phase main]: web1: changed (2 changes)");

    Run quiet = project.reconcile("--check", "--progress", "none");
    assertThat(quiet.err()).doesNotContain("[check]");
  }

  @Test
  void theMainCommandStillRequiresAnInventoryWhileHistoryDoesNot() {
    Run missing = CliProject.run("--check");
    assertThat(missing.code()).isEqualTo(64);
    assertThat(missing.err()).contains("Missing required option: '--inventory=FILE'");
    Run history = CliProject.run("history", "--state-dir", project.stateDir.toString());
    assertThat(history.code()).isZero();
    assertThat(history.out().lines()).hasSize(1); // the header: nothing recorded yet
    assertThat(CliProject.run("--inventory", dir.resolve("prod.ini").toString(), "stray").code()).isEqualTo(64);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
