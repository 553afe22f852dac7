package io.reconcile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileProcess;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetProject;
import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values are data and secrets stay secret, over real SSH on a real host: inventory and state values full
 * of shell metacharacters arrive verbatim and run nothing; planted secrets appear in no output channel
 * of any run (success, drift, a failing host, a failing template, an internal exception); files that
 * hold secrets are never world-readable, not while they are written and not as backups.
 */
@FleetTest(release = "0.13", cyclades = 0, pithos = 0, ganeti = 1, users = 10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecretsAndHostileValuesOnFleetTest {
  private static final String HOST = "ganeti1";
  private static final String TOKEN = "Tk-9f3a1c-Zq"; // secret by its name: app_token
  private static final String API_KEY = "Ak-77e0b4-Wx"; // secret because the states declare it
  private static final String SECRET_FILE = "/etc/reconcile-rel/secret.conf";
  private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

  private Fleet fleet;

  @BeforeAll
  void fleet(Fleet fleet) {
    this.fleet = fleet;
    // The bundle's secret files are root:synnefo 0640; snf-common creates the group (older images did not).
    fleet.run(HOST, "sh", "-c", "getent group synnefo >/dev/null || groupadd --system synnefo");
  }

  @Test
  void valuesFullOfShellMetacharactersArriveVerbatimAndRunNothing(@TempDir Path dir) {
    FleetProject project = new FleetProject(dir, fleet);
    project.appendInventory("""
        [ganeti:vars]
        semi=a; touch /tmp/rel-pwned-semi
        subst=$(touch /tmp/rel-pwned-subst)
        tick=`touch /tmp/rel-pwned-tick`
        quoted="it's \\"x\\" \\\\ $(touch /tmp/rel-pwned-quoted)"
        """);
    // A value with line breaks goes in only where the template says so (?no_esc); elsewhere it is refused (BadInputTest).
    project.template("hostile.conf.ftl", "SEMI = ${semi}\nSUBST = ${subst}\nTICK = ${tick}\nQUOTED = ${quoted}\nMULTI = ${multi?no_esc}\n");
    String dirName = "/etc/reconcile rel/a b;$(touch /tmp/rel-pwned-dir)";
    project.declare("""
        hosts: ganeti
        resources:
          - file: "%1$s/`touch /tmp/rel-pwned-path`'q\\".conf"
            id: hostile-file
            template: hostile.conf.ftl
            mode: "0640"
            vars:
              multi: "first\\nsecond; touch /tmp/rel-pwned-newline\\n$(touch /tmp/rel-pwned-newline2)'\\""
          - line: "%1$s/lines $(touch /tmp/rel-pwned-line).conf"
            id: hostile-line
            text: "VALUE = '${subst}' ${tick}; ${semi}"
            create: true
          - command: "touch '%1$s/created $(x)'"
            id: hostile-creates
            creates: "%1$s/created $(x)"
        """.formatted(dirName));

    ReconcileRun apply = project.run("--format", "json");
    assertThat(apply.code()).as(apply.toString()).isZero();
    ReconcileRun check = project.run("--check", "--format", "json");
    assertThat(check.code()).as(check.toString()).isZero();

    assertThat(cat(dirName + "/`touch /tmp/rel-pwned-path`'q\".conf")).isEqualTo("""
        SEMI = a; touch /tmp/rel-pwned-semi
        SUBST = $(touch /tmp/rel-pwned-subst)
        TICK = `touch /tmp/rel-pwned-tick`
        QUOTED = it's "x" \\ $(touch /tmp/rel-pwned-quoted)
        MULTI = first
        second; touch /tmp/rel-pwned-newline
        $(touch /tmp/rel-pwned-newline2)'"
        """);
    assertThat(cat(dirName + "/lines $(touch /tmp/rel-pwned-line).conf"))
        .isEqualTo("VALUE = '$(touch /tmp/rel-pwned-subst)' `touch /tmp/rel-pwned-tick`; a; touch /tmp/rel-pwned-semi\n");
    assertThat(sh("test -e '" + dirName.replace("'", "'\\''") + "/created $(x)'").succeeded()).isTrue();
    assertThat(sh("ls -A /tmp /").stdoutText()).as("markers the values would have created").doesNotContain("rel-pwned");
  }

  @Test
  void plantedSecretsAppearInNoOutputOfAnyRunSuccessfulOrFailing(@TempDir Path dir) throws IOException {
    FleetProject project = new FleetProject(dir, fleet);
    project.appendInventory("[ganeti:vars]\napp_token=" + TOKEN + "\napi_key=" + API_KEY + "\n");
    project.template("secret.conf.ftl", "TOKEN = '${app_token}'\nAPI_KEY = '${api_key}'\nGENERATION = ${generation}\n");
    project.declare(secretFile("1"));
    Outputs outputs = new Outputs(project);

    // a run that changes the host, with diffs and progress lines
    assertThat(outputs.run("apply", "--diff", "--progress", "plain").code()).isZero();
    assertThat(cat(SECRET_FILE)).contains(TOKEN, API_KEY); // the secrets are really in play
    // drift by hand: the diff of a check shows secret lines
    sh("echo \"OLD_TOKEN = '" + TOKEN + "'\" >> " + SECRET_FILE);
    ReconcileProcess drift = outputs.run("check", "--check", "--diff");
    assertThat(drift.code()).isEqualTo(2);
    assertThat(drift.out()).contains("-OLD_TOKEN = '********'");
    // a second apply replaces the file: a backup, and a diff with secrets on both sides
    project.declare(secretFile("2"));
    assertThat(outputs.run("apply again", "--diff", "--format", "json").code()).isZero();
    // a failing host: a command prints the secret file on stderr and fails
    project.state("20-fail.yml", """
        hosts: ganeti
        resources:
          - command: "cat %s >&2; exit 3"
            id: leaky
            creates: /run/rel-never
        """.formatted(SECRET_FILE));
    ReconcileProcess failing = outputs.run("failing host", "--progress", "plain");
    assertThat(failing.code()).isEqualTo(4);
    assertThat(failing.out()).contains("TOKEN = '********'");
    Files.delete(dir.resolve("states/20-fail.yml"));
    // an internal exception on the host's data: stat prints the secret where a size belongs
    install("#!/bin/sh\nif [ \"$2\" = '%F|%U|%G|%a|%s' ]; then echo 'regular file|root|root|640|" + TOKEN + "'; exit 0; fi\n"
        + "exec /usr/bin/stat \"$@\"\n", "/usr/local/bin/stat");
    ReconcileProcess internal;
    try {
      internal = outputs.run("internal exception", "--progress", "plain", "--format", "json");
    } finally {
      sh("rm -f /usr/local/bin/stat");
    }
    assertThat(internal.code()).isEqualTo(4);
    assertThat(internal.out()).contains("For input string: \\\"********\\\"");
    // a failing template: FreeMarker quotes the value it cannot convert
    project.template("secret.conf.ftl", "TOKEN = '${app_token}'\nPORT = ${app_token?number}\n");
    ReconcileProcess template = outputs.run("failing template");
    assertThat(template.code()).isEqualTo(65);
    assertThat(template.err()).contains("secret.conf.ftl:2:", "********");

    // what the history keeps, as `reconcile history` and `reconcile show` print it
    String run = outputs.lastRunId();
    outputs.add("history", ReconcileRun.of("history", "--state-dir", project.stateDir().toString()));
    outputs.add("show", ReconcileRun.of("show", run, "--state-dir", project.stateDir().toString()));
    outputs.add("show json", ReconcileRun.of("show", run, "--state-dir", project.stateDir().toString(), "--format", "json"));

    assertThat(outputs.channels()).hasSizeGreaterThan(25);
    outputs.channels().forEach((channel, text) -> assertThat(text).as(channel).doesNotContain(TOKEN).doesNotContain(API_KEY));
  }

  @Test
  void aSecretFileIsNeverWorldReadableWhileWrittenNorAsABackup(@TempDir Path dir) {
    FleetProject project = new FleetProject(dir, fleet);
    project.appendInventory("[ganeti:vars]\napp_token=" + TOKEN + "\napi_key=" + API_KEY + "\n");
    project.template("secret.conf.ftl", "TOKEN = '${app_token}'\nAPI_KEY = '${api_key}'\nGENERATION = ${generation}\n");
    sh("rm -f " + SECRET_FILE + " /run/rel-modes.log");
    // The host's own tools, instrumented: each records the mode of reconcile's temp file when the write
    // script reaches it (content going in, chown, chmod, rename).
    for (String tool : List.of("head", "chown", "chmod", "mv")) {
      String wrapper = "#!/bin/sh\nfor a in \"$@\" \"$(readlink /proc/$$/fd/1)\"; do case \"$a\" in */.reconcile.*)"
          + " [ -e \"$a\" ] && stat -c \"$(basename \"$0\") %a %U:%G\" -- \"$a\" >> /run/rel-modes.log;; esac; done\n"
          + "exec /bin/" + tool + " \"$@\"\n";
      install(wrapper, "/usr/local/sbin/" + tool);
    }
    ReconcileRun first;
    ReconcileRun second;
    try {
      project.declare(secretFile("1"));
      first = project.run("--format", "json");
      project.declare(secretFile("2"));
      second = project.run("--format", "json");
    } finally {
      sh("cd /usr/local/sbin && rm -f head chown chmod mv");
    }
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(second.code()).as(second.toString()).isZero();

    List<String> modes = cat("/run/rel-modes.log").lines().toList();
    assertThat(modes).as("mode of the temp file at each step of both writes").containsExactly(
        "head 600 root:root", "chown 600 root:root", "chmod 600 root:synnefo", "mv 640 root:synnefo",
        "head 600 root:root", "chown 600 root:root", "chmod 600 root:synnefo", "mv 640 root:synnefo");
    assertThat(sh("stat -c '%a %U:%G' " + SECRET_FILE).stdoutText()).isEqualTo("640 root:synnefo\n");
    String backup = second.json().findValues("backups").stream().filter(b -> !b.isEmpty()).findFirst().orElseThrow()
        .get(0).asText();
    assertThat(cat(backup)).contains("GENERATION = 1");
    assertThat(sh("stat -c '%a %U:%G' '" + backup + "'").stdoutText()).isEqualTo("640 root:synnefo\n");
    String runDir = backup.substring(0, backup.indexOf("/etc/reconcile-rel/"));
    assertThat(sh("stat -c '%a' " + runDir + " " + runDir + "/etc " + runDir + "/etc/reconcile-rel").stdoutText())
        .as("backup directories of the run").isEqualTo("700\n700\n700\n");
    assertThat(sh("su -s /bin/sh nobody -c 'cat " + backup + "'").succeeded()).as("another user reads the backup").isFalse();
  }

  private static String secretFile(String generation) {
    return """
        hosts: ganeti
        secrets: [api_key]
        resources:
          - file: %s
            template: secret.conf.ftl
            owner: root
            group: synnefo
            mode: "0640"
            vars: {generation: "%s"}
        """.formatted(SECRET_FILE, generation);
  }

  /** Every output channel of the runs of one project: stdout, stderr, report files, the history files. */
  private static final class Outputs {
    private final FleetProject project;
    private final Map<String, String> channels = new LinkedHashMap<>();
    private int runs;

    Outputs(FleetProject project) {
      this.project = project;
    }

    /** `reconcile` as its own process, with every report file; returns once it ended. */
    ReconcileProcess run(String name, String... flags) {
      int n = ++runs;
      List<String> args = new ArrayList<>(List.of("--report-json", file(n, "json"), "--report-junit", file(n, "xml"),
          "--metrics", file(n, "prom")));
      args.addAll(List.of(flags));
      ReconcileProcess run = ReconcileProcess.run(project.args(args.toArray(String[]::new)), RUN_LIMIT);
      channels.put(name + ": stdout", run.out());
      channels.put(name + ": stderr", run.err());
      return run;
    }

    void add(String name, ReconcileRun run) {
      assertThat(run.code()).as(run.toString()).isZero();
      channels.put(name + ": stdout", run.out());
      channels.put(name + ": stderr", run.err());
    }

    String lastRunId() throws IOException {
      try (Stream<Path> files = Files.list(project.stateDir().resolve("runs"))) {
        String newest = files.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        return newest.substring(newest.indexOf('_') + 1, newest.length() - ".json".length());
      }
    }

    /** The channels so far, plus every file the runs left: reports, metrics, the run history. */
    Map<String, String> channels() throws IOException {
      Map<String, String> all = new LinkedHashMap<>(channels);
      try (Stream<Path> files = Files.walk(project.dir())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path relative = project.dir().relativize(file);
          if (!relative.startsWith("states") && !relative.startsWith("templates") && !relative.toString().equals("prod.ini")) {
            all.put(relative.toString(), Files.readString(file));
          }
        }
      }
      return all;
    }

    private String file(int run, String extension) {
      return project.dir().resolve("reports/run" + run + "." + extension).toString();
    }
  }

  private String cat(String path) {
    return fleet.run(HOST, "cat", path);
  }

  /** Writes an executable script on the host (content passed as an argument: no quoting). */
  private void install(String script, String path) {
    fleet.run(HOST, "sh", "-c", "printf '%s' \"$1\" > \"$2\" && chmod 755 \"$2\"", "sh", script, path);
  }

  private CommandResult sh(String script) {
    return fleet.exec(HOST, "sh", "-c", script);
  }
}
