package io.reconcile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.cli.ReconcileProcess;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import io.reconcile.fleet.FleetDocker;
import io.reconcile.fleet.FleetHost;
import io.reconcile.fleet.FleetProject;
import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import io.reconcile.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults operators meet in production, inflicted on a real fleet while reconcile works on it: a host
 * stopped or frozen in the middle of apt, sshd killed during observation, a host that accepts the
 * connection and never answers, the dpkg lock held by another apt, a full disk under a settings file, a
 * host key that changed, a timed-out command under sudo, SIGTERM to reconcile itself. Each time the other
 * host finishes, nothing is left half written, and a rerun converges.
 */
@FleetTest(release = "0.13", cyclades = 0, pithos = 0, ganeti = 2, users = 10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FaultsOnFleetTest {
  private static final String VICTIM = "ganeti2";
  private static final String OTHER = "ganeti1";
  private static final String SETTINGS = "/etc/reconcile-rel/settings.conf";
  // apt runs this before it calls dpkg (the lock is held by then), and waits there until released.
  private static final String APT_HOOK = "/etc/apt/apt.conf.d/00reconcile-rel-hold";
  private static final String APT_RUNNING = "/run/rel-apt-running";
  private static final String APT_RELEASE = "/run/rel-apt-release";
  private static final Duration RUN_LIMIT = Duration.ofSeconds(150);

  private Fleet fleet;

  @BeforeAll
  void fleet(Fleet fleet) {
    this.fleet = fleet;
  }

  @Test
  void aHostStoppedWhileAptRunsIsUnreachableTheOtherConvergesAndARerunConverges(@TempDir Path dir) throws Exception {
    FleetProject project = project(dir);
    String version = otherKamaki(VICTIM);
    project.declare(packageAndSettings(version, "stopped"));
    holdApt(VICTIM);

    CompletableFuture<ReconcileRun> apply = inBackground(project, "--format", "json", "--command-timeout", "60");
    Poll.until("apt runs on " + VICTIM, RUN_LIMIT, () -> exists(VICTIM, APT_RUNNING));
    FleetDocker.connect().stop(container(VICTIM));
    ReconcileRun run = apply.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(host(run, VICTIM).get("status").asText()).isEqualTo("unreachable");
    assertThat(host(run, VICTIM).get("error").asText()).contains("session closed");
    assertConverged(run, OTHER, version, "stopped");

    FleetDocker.connect().startContainer(container(VICTIM));
    awaitSsh(project, VICTIM);
    assertNothingHalfDone(VICTIM);
    assertThat(exists(VICTIM, SETTINGS) ? cat(VICTIM, SETTINGS) : "absent").doesNotContain("stopped");
    releaseApt(VICTIM);
    assertRerunConverges(project);
    assertThat(kamaki(VICTIM)).isEqualTo(version);
  }

  @Test
  void aHostFrozenWhileAptRunsFailsWithinTheCommandTimeoutAndARerunConverges(@TempDir Path dir) throws Exception {
    FleetProject project = project(dir);
    String version = otherKamaki(VICTIM);
    // apt on the victim only: the other host's work (a file) stays well within the limit on a loaded machine
    project.declare(packageAndSettings(VICTIM, version, "paused"));
    holdApt(VICTIM);

    CompletableFuture<ReconcileRun> apply = inBackground(project, "--format", "json", "--command-timeout", "10");
    Poll.until("apt runs on " + VICTIM, RUN_LIMIT, () -> exists(VICTIM, APT_RUNNING));
    FleetDocker.connect().pause(container(VICTIM));
    ReconcileRun run;
    try {
      run = apply.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      FleetDocker.connect().unpause(container(VICTIM));
    }

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(host(run, VICTIM).get("status").asText()).isEqualTo("failed");
    assertThat(host(run, VICTIM).get("error").asText()).isEqualTo("observation: remote script did not finish within 10 s");
    assertThat(resource(run, OTHER, "file:" + SETTINGS).get("status").asText()).isEqualTo("changed");
    assertThat(cat(OTHER, SETTINGS)).isEqualTo("RUN = 'paused'\n");

    releaseApt(VICTIM);
    assertNothingHalfDone(VICTIM);
    assertRerunConverges(project);
  }

  @Test
  void sshdKilledDuringObservationMakesTheHostUnreachableAndARerunConverges(@TempDir Path dir) throws Exception {
    FleetProject project = project(dir);
    project.declare("""
        hosts: ganeti
        resources:
          - file: %s
            content: "RUN = 'sshd-killed'\\n"
          - command: touch /etc/reconcile-rel/observed
            unless: "if [ -e /run/rel-stall ]; then touch /run/rel-observing; sleep 60; fi; test -e /etc/reconcile-rel/observed"
        """.formatted(SETTINGS));
    sh(VICTIM, "rm -f /run/rel-observing /etc/reconcile-rel/observed; touch /run/rel-stall");

    CompletableFuture<ReconcileRun> apply = inBackground(project, "--format", "json");
    Poll.until("the observation runs on " + VICTIM, RUN_LIMIT, () -> exists(VICTIM, "/run/rel-observing"));
    sh(VICTIM, "kill -9 $(pgrep -x sshd)"); // the listener and the session of this run
    ReconcileRun run = apply.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(host(run, VICTIM).get("status").asText()).isEqualTo("unreachable");
    assertThat(run.statuses().get(OTHER)).containsEntry("file:" + SETTINGS, "changed")
        .containsEntry("command:touch /etc/reconcile-rel/observed", "changed");
    assertThat(exists(VICTIM, "/etc/reconcile-rel/observed")).isFalse();

    sh(VICTIM, "rm -f /run/rel-stall; service ssh start >/dev/null");
    awaitSsh(project, VICTIM);
    assertRerunConverges(project);
  }

  @Test
  void aHostThatAcceptsTheConnectionButNeverAnswersIsUnreachableAfterTheConnectTimeout(@TempDir Path dir) {
    FleetProject project = project(dir);
    project.declare("""
        hosts: ganeti
        resources:
          - file: %s
            content: "RUN = 'silent'\\n"
        """.formatted(SETTINGS));
    ReconcileRun run;
    FleetDocker.connect().pause(container(VICTIM)); // Docker's proxy and the kernel still accept TCP; sshd never sends its banner
    try {
      run = project.run("--format", "json", "--connect-timeout", "5");
    } finally {
      FleetDocker.connect().unpause(container(VICTIM));
    }

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(host(run, VICTIM).get("status").asText()).isEqualTo("unreachable");
    assertThat(host(run, VICTIM).get("error").asText()).contains("no SSH key exchange and authentication with 127.0.0.1:", "within 5s");
    assertThat(run.statuses().get(OTHER)).containsEntry("file:" + SETTINGS, "changed");
    assertRerunConverges(project);
  }

  @Test
  void theDpkgLockHeldByAnotherAptFailsTheHostAfterTheBoundNamingTheLock(@TempDir Path dir) throws Exception {
    FleetProject project = project(dir);
    String before = kamaki(VICTIM);
    String version = otherKamaki(VICTIM);
    project.declare(packageAndSettings(version, "locked"));
    sh(VICTIM, "rm -f /run/rel-lock-held /run/rel-lock-release");
    // Another apt-get (as unattended-upgrades would be) holds the lock while it waits in its own hook.
    FleetDocker.connect().execDetached(container(VICTIM), "apt-get", "-q", "-y",
        "-o", "DPkg::Pre-Invoke::=touch /run/rel-lock-held; while [ ! -e /run/rel-lock-release ]; do sleep 0.1; done",
        "install", "--reinstall", "kamaki");
    Poll.until("another apt-get holds the dpkg lock on " + VICTIM, RUN_LIMIT, () -> exists(VICTIM, "/run/rel-lock-held"));

    ReconcileRun run = project.run("--format", "json", "--dpkg-lock-timeout", "3");

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    JsonNode kamaki = resource(run, VICTIM, "package:kamaki");
    assertThat(kamaki.get("status").asText()).isEqualTo("failed");
    assertThat(kamaki.get("error").asText())
        .contains("/var/lib/dpkg/lock")
        .contains("another process held the dpkg lock for more than 3 s; nothing was installed");
    assertThat(kamaki(VICTIM)).isEqualTo(before);
    assertConverged(run, OTHER, version, "locked");

    sh(VICTIM, "touch /run/rel-lock-release");
    Poll.until("the other apt-get is done", RUN_LIMIT, () -> !sh(VICTIM, "pgrep -x apt-get").succeeded());
    assertRerunConverges(project);
    assertThat(kamaki(VICTIM)).isEqualTo(version);
  }

  @Test
  void aFullDiskWhenASettingsFileIsWrittenKeepsTheOldFileAndLeavesNoTempFile(@TempDir Path dir) {
    FleetProject project = project(dir);
    String file = "/dev/shm/reconcile-rel/settings.conf"; // /dev/shm: a 64 MiB tmpfs in every container
    project.declare("""
        hosts: ganeti
        resources:
          - file: %s
            content: "RUN = 'disk-full'\\nPAD = '%s'\\n"
        """.formatted(file, "x".repeat(8192)));
    sh(VICTIM, "mkdir -p /dev/shm/reconcile-rel && echo \"RUN = 'old'\" > " + file
        + " && { dd if=/dev/zero of=/dev/shm/rel-fill bs=1M 2>/dev/null; true; }");
    String old = cat(VICTIM, file);
    ReconcileRun run;
    try {
      assertThat(sh(VICTIM, "df --output=avail /dev/shm | tail -1").stdoutText().strip()).isEqualTo("0");
      run = project.run("--format", "json");
    } finally {
      sh(VICTIM, "rm -f /dev/shm/rel-fill");
    }

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    JsonNode write = resource(run, VICTIM, "file:" + file);
    assertThat(write.get("status").asText()).isEqualTo("failed");
    assertThat(write.get("error").asText()).contains("No space left on device");
    assertThat(cat(VICTIM, file)).isEqualTo(old);
    assertThat(sh(VICTIM, "ls -A /dev/shm/reconcile-rel").stdoutText()).isEqualTo("settings.conf\n");
    assertThat(run.statuses().get(OTHER)).containsEntry("file:" + file, "changed");

    ReconcileRun rerun = assertRerunConverges(project);
    assertThat(cat(VICTIM, file)).startsWith("RUN = 'disk-full'\n");
    String backup = resource(rerun, VICTIM, "file:" + file).get("backups").get(0).asText();
    assertThat(cat(VICTIM, backup)).isEqualTo(old);
  }

  @Test
  void aChangedHostKeyIsRefusedAsAPossibleManInTheMiddleEvenWithAcceptNew(@TempDir Path dir) throws IOException {
    FleetProject project = project(dir);
    project.declare("""
        hosts: ganeti
        resources:
          - file: %s
            content: "RUN = 'new-host-key'\\n"
        """.formatted(SETTINGS));
    String knownHosts = Files.readString(project.knownHosts());
    sh(VICTIM, "mkdir -p /root/rel-keys && cp -a /etc/ssh/ssh_host_* /root/rel-keys/ && rm /etc/ssh/ssh_host_*"
        + " && ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key && service ssh restart >/dev/null");
    String newKey = sh(VICTIM, "cut -d' ' -f1,2 /etc/ssh/ssh_host_ed25519_key.pub").stdoutText().strip();
    try {
      awaitHostKey(project, VICTIM, newKey);
      ReconcileRun run = project.run("--format", "json", "--accept-new-host-keys");

      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(host(run, VICTIM).get("status").asText()).isEqualTo("unreachable");
      assertThat(host(run, VICTIM).get("error").asText()).contains("possible man-in-the-middle attack", project.knownHosts().toString());
      assertThat(Files.readString(project.knownHosts())).isEqualTo(knownHosts);
      assertThat(run.statuses().get(OTHER)).containsEntry("file:" + SETTINGS, "changed");
      assertThat(cat(VICTIM, SETTINGS)).doesNotContain("new-host-key");

      project.trustHostKey(VICTIM, newKey); // what the operator does after checking the new key
      assertRerunConverges(project);
    } finally {
      sh(VICTIM, "cp -a /root/rel-keys/ssh_host_* /etc/ssh/ && service ssh restart >/dev/null");
      awaitHostKey(project, VICTIM, fleet.host(VICTIM).hostKey());
    }
  }

  @Test
  void aCommandTimedOutUnderBecomeIsKilledOnTheHostToo(@TempDir Path dir) {
    FleetProject project = project(dir);
    project.become(VICTIM);
    project.declare("""
        hosts: %s
        resources:
          - command: "echo $$ > /run/rel-sleeper.pid; exec sleep 300"
            id: sleeper
            creates: /run/rel-never
            timeout: "3"
        """.formatted(VICTIM));
    sh(VICTIM, "rm -f /run/rel-sleeper.pid");

    ReconcileRun run = project.run("--format", "json");

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(resource(run, VICTIM, "command:sleeper").get("error").asText()).isEqualTo("command: remote script did not finish within 3 s");
    String pid = cat(VICTIM, "/run/rel-sleeper.pid").strip();
    Poll.until("the timed-out command (pid " + pid + ", root, in sudo's session) is gone from " + VICTIM, Duration.ofSeconds(30),
        () -> !sh(VICTIM, "kill -0 " + pid).succeeded());
  }

  @Test
  void sigtermDuringApplyFinishesTheResourceInFlightSkipsTheRestRecordsTheRunAndARerunConverges(@TempDir Path dir)
      throws IOException {
    FleetProject project = project(dir);
    project.declare("""
        hosts: ganeti
        phase: work
        resources:
          - command: "touch /run/rel-in-flight; while [ ! -e /run/rel-release ]; do sleep 0.1; done; touch /etc/reconcile-rel/step1"
            id: step1
            creates: /etc/reconcile-rel/step1
            notify: [mark]
          - file: /etc/reconcile-rel/after-step1.conf
            content: "AFTER = 1\\n"
        handlers:
          - handler: mark
            command: touch /etc/reconcile-rel/handler-ran
        """);
    project.state("20-later.yml", """
        hosts: ganeti
        phase: later
        resources:
          - file: /etc/reconcile-rel/later.conf
            content: "LATER = 1\\n"
        """);
    for (String host : List.of(OTHER, VICTIM)) {
      sh(host, "rm -f /run/rel-in-flight /run/rel-release; mkdir -p /etc/reconcile-rel;"
          + " cd /etc/reconcile-rel && rm -f step1 after-step1.conf handler-ran later.conf");
    }
    Path json = dir.resolve("report.json");

    // --forks 1: ganeti1 is in flight, ganeti2 waits for its turn when the signal comes
    ReconcileProcess reconcile = ReconcileProcess.start(project.args("--forks", "1", "--report-json", json.toString(),
        "--report-junit", dir.resolve("junit.xml").toString()));
    Poll.until("step1 runs on " + OTHER, RUN_LIMIT, () -> exists(OTHER, "/run/rel-in-flight"));
    reconcile.signal("TERM");
    reconcile.awaitStderr("interrupted by SIGINT or SIGTERM", RUN_LIMIT);
    sh(OTHER, "touch /run/rel-release"); // the resource in flight may finish now
    int code = reconcile.waitFor(RUN_LIMIT);

    assertThat(code).as(reconcile.toString()).isEqualTo(130);
    assertThat(reconcile.out()).contains("Interrupted (interrupted by SIGINT or SIGTERM)");
    ReconcileRun report = new ReconcileRun(code, Files.readString(json), "");
    assertThat(report.json().get("interrupted").asText()).isEqualTo("interrupted by SIGINT or SIGTERM");
    assertThat(report.statuses().get(OTHER)).containsEntry("command:step1", "changed").containsEntry("handler:mark", "changed")
        .containsEntry("file:/etc/reconcile-rel/after-step1.conf", "skipped").containsEntry("file:/etc/reconcile-rel/later.conf", "skipped");
    assertThat(resource(report, OTHER, "file:/etc/reconcile-rel/after-step1.conf").get("error").asText())
        .isEqualTo("not run: interrupted by SIGINT or SIGTERM");
    assertThat(report.statuses().get(VICTIM)).containsOnly(java.util.Map.entry("command:step1", "skipped"),
        java.util.Map.entry("file:/etc/reconcile-rel/after-step1.conf", "skipped"),
        java.util.Map.entry("file:/etc/reconcile-rel/later.conf", "skipped"));
    assertThat(sh(OTHER, "ls /etc/reconcile-rel").stdoutText()).contains("step1", "handler-ran").doesNotContain("after-step1.conf", "later.conf");
    assertThat(exists(VICTIM, "/run/rel-in-flight")).as("nothing started on " + VICTIM).isFalse();
    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<skipped");

    ReconcileRun history = ReconcileRun.of("history", "--state-dir", project.stateDir().toString(), "--format", "json");
    JsonNode recorded = new ObjectMapper().readTree(history.out()).get(0);
    assertThat(recorded.get("id").asText()).isEqualTo(report.json().get("run_id").asText());
    assertThat(recorded.get("mode").asText()).isEqualTo("apply");
    assertThat(recorded.get("exit_code").asInt()).isEqualTo(130);

    sh(VICTIM, "touch /run/rel-release");
    assertRerunConverges(project);
  }

  @Test
  void theDatabaseConnectionDroppedInTheMiddleOfAnInvariantsTransactionLeavesNothingWritten(@TempDir Path dir) throws Exception {
    FleetProject project = project(dir);
    project.declare("""
        phase: database
        hosts: astakos1
        resources:
          - quotas-limits: astakos
        """);
    // Drift: the vm limit of two users' policies differs from their effective quota.
    fleet.psql(FleetDatabase.ASTAKOS, "UPDATE quotaholder_app_policy SET capacity = capacity + 7 WHERE policy IN"
        + " (SELECT policy_id FROM quotaholder_app_holding WHERE resource = 'cyclades.vm' ORDER BY entity_id LIMIT 2)");
    String before = quotaholder();
    // The fix inserts new policies, then repoints the holdings: stall it at that UPDATE, with its inserts made.
    fleet.psql(FleetDatabase.ASTAKOS, "CREATE FUNCTION rel_stall() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN PERFORM pg_sleep(600); RETURN NULL; END $$;"
        + " CREATE TRIGGER rel_stall BEFORE UPDATE ON quotaholder_app_holding FOR EACH STATEMENT EXECUTE FUNCTION rel_stall()");
    ReconcileRun run;
    try {
      CompletableFuture<ReconcileRun> apply = inBackground(project, "--format", "json");
      String inFlight = "application_name LIKE 'reconcile %' AND wait_event = 'PgSleep' AND query LIKE 'UPDATE quotaholder_app_holding%'";
      Poll.until("the invariant's transaction stalls in its UPDATE", RUN_LIMIT,
          () -> !fleet.psql(FleetDatabase.ASTAKOS, "SELECT pid FROM pg_stat_activity WHERE " + inFlight).isBlank());
      assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + inFlight))
          .isEqualTo("t\n");
      run = apply.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      fleet.psql(FleetDatabase.ASTAKOS, "DROP TRIGGER rel_stall ON quotaholder_app_holding; DROP FUNCTION rel_stall()");
    }

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    JsonNode limits = resource(run, "astakos1", "quotas-limits:astakos");
    assertThat(limits.get("status").asText()).isEqualTo("failed");
    assertThat(limits.get("error").asText()).contains("terminating connection due to administrator command")
        .endsWith("rolled back, nothing written");
    assertThat(limits.get("backups")).isEmpty();
    assertThat(quotaholder()).as("entities, policies and holdings after the dropped transaction").isEqualTo(before);
    assertThat(filesUnder(dir.resolve("exports"))).as("export files").isEmpty();

    ReconcileRun rerun = assertRerunConverges(project);
    assertThat(resource(rerun, "astakos1", "quotas-limits:astakos").get("status").asText()).isEqualTo("changed");
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** A digest of the quotaholder's tables, as the test sees them (committed data only). */
  private String quotaholder() {
    return fleet.psql(FleetDatabase.ASTAKOS, "SELECT md5(string_agg(t, '|' ORDER BY t)) FROM ("
        + " SELECT e::text AS t FROM quotaholder_app_entity e UNION ALL SELECT p::text FROM quotaholder_app_policy p"
        + " UNION ALL SELECT h::text FROM quotaholder_app_holding h) rows");
  }

  // --- the fleet, as the tests see and change it ---

  /** A project on the fleet as it is now (a restarted container may publish sshd on another port). */
  private FleetProject project(Path dir) {
    FleetProject project = new FleetProject(dir, fleet);
    for (FleetHost host : fleet.hosts()) {
      int port = FleetDocker.connect().publishedSshPort(host.container());
      if (port != project.port(host.name())) {
        project.hostMoved(host.name(), port);
      }
    }
    return project;
  }

  private static String packageAndSettings(String kamaki, String tag) {
    return packageAndSettings("ganeti", kamaki, tag);
  }

  private static String packageAndSettings(String packageHosts, String kamaki, String tag) {
    return """
        hosts: ganeti
        resources:
          - package: kamaki
            version: %s
            hosts: %s
          - file: %s
            content: "RUN = '%s'\\n"
            mode: "0640"
        """.formatted(kamaki, packageHosts, SETTINGS, tag);
  }

  private static CompletableFuture<ReconcileRun> inBackground(FleetProject project, String... flags) {
    return CompletableFuture.supplyAsync(() -> project.run(flags));
  }

  private static ReconcileRun assertRerunConverges(FleetProject project) {
    ReconcileRun apply = project.run("--format", "json");
    assertThat(apply.code()).as("rerun: %s", apply).isZero();
    ReconcileRun check = project.run("--check", "--format", "json");
    assertThat(check.code()).as("check after the rerun: %s", check).isZero();
    assertThat(check.json().get("summary").get("changes").asInt()).isZero();
    return apply;
  }

  private void assertConverged(ReconcileRun run, String host, String kamaki, String tag) {
    assertThat(host(run, host).get("status").asText()).as(run.toString()).isIn("changed", "ok");
    assertThat(kamaki(host)).isEqualTo(kamaki);
    assertThat(cat(host, SETTINGS)).isEqualTo("RUN = '" + tag + "'\n");
  }

  /** No temp file of a write left next to a managed file, no package half installed. */
  private void assertNothingHalfDone(String host) {
    assertThat(sh(host, "find /etc /dev/shm -name '.reconcile.*'").stdoutText()).isEmpty();
    assertThat(sh(host, "dpkg --audit").stdoutText()).isEmpty();
  }

  private void holdApt(String host) {
    sh(host, "rm -f " + APT_RUNNING + " " + APT_RELEASE + "; echo 'DPkg::Pre-Invoke { \"touch " + APT_RUNNING
        + "; while [ ! -e " + APT_RELEASE + " ]; do sleep 0.1; done\"; };' > " + APT_HOOK);
  }

  /** Removes the hold; an apt still waiting in it finishes, and the lock is free again. */
  private void releaseApt(String host) {
    sh(host, "rm -f " + APT_HOOK + " " + APT_RUNNING + "; touch " + APT_RELEASE);
    Poll.until("no apt-get left on " + host, RUN_LIMIT, () -> !sh(host, "pgrep -x apt-get").succeeded());
  }

  /** Waits until the host's sshd answers on the port Docker publishes now, and points the project there. */
  private void awaitSsh(FleetProject project, String host) {
    int port = FleetDocker.connect().publishedSshPort(container(host));
    if (port != project.port(host)) {
      project.hostMoved(host, port);
    }
    Poll.until("sshd of " + host + " answers on port " + port, RUN_LIMIT, () -> banner(port).startsWith("SSH-2.0-"));
  }

  private static void awaitHostKey(FleetProject project, String host, String key) {
    Poll.until(host + " presents host key " + key, RUN_LIMIT, () -> keyscan(project.port(host)).contains(key));
  }

  private static String keyscan(int port) {
    try {
      Process p = new ProcessBuilder("ssh-keyscan", "-t", "ed25519", "-p", Integer.toString(port), "127.0.0.1")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String banner(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(1000);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64];
      int n = in.read(buffer);
      return n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private String otherKamaki(String host) {
    return kamaki(host).equals("0.8-1") ? "0.7.9-1" : "0.8-1";
  }

  private String kamaki(String host) {
    return sh(host, "dpkg-query -W -f '${Version}' kamaki").stdoutText();
  }

  private boolean exists(String host, String path) {
    return fleet.exec(host, "test", "-e", path).succeeded();
  }

  private String cat(String host, String path) {
    return fleet.run(host, "cat", path);
  }

  private CommandResult sh(String host, String script) {
    return fleet.exec(host, "sh", "-c", script);
  }

  private String container(String host) {
    return fleet.host(host).container();
  }

  private static JsonNode host(ReconcileRun run, String name) {
    for (JsonNode host : run.json().get("hosts")) {
      if (host.get("name").asText().equals(name)) {
        return host;
      }
    }
    throw new AssertionError("no host " + name + " in " + run);
  }

  private static JsonNode resource(ReconcileRun run, String hostName, String id) {
    for (JsonNode resource : host(run, hostName).get("resources")) {
      if (resource.get("id").asText().equals(id)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + id + " on " + hostName + " in " + run);
  }
}
