package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.HostStatus;
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

/** Check and apply end to end on local files through the real observation and apply scripts. */
class ReconcilerTest {
  @TempDir Path project;
  private Path etc;

  @BeforeEach
  void setUp() throws IOException {
    etc = Files.createDirectories(project.resolve("etc"));
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/app.conf.ftl"), "HOST = '${inventory_hostname}'\nPASSWORD = '${db_password}'\n");
  }

  private void states(String yaml) throws IOException {
    stateFile("10-main.yml", yaml);
  }

  /** A file of states/, with ETC standing for the test's etc directory. */
  private void stateFile(String name, String yaml) throws IOException {
    Files.writeString(project.resolve("states/" + name), yaml.replace("ETC", etc.toString()));
  }

  private RunSettings settings() {
    return new RunSettings(4, "run1", project.resolve("backups").toString(), project.resolve("exports"));
  }

  private RunReport run(boolean check, List<HostTarget> hosts, Set<String> unreachable) {
    DesiredState desired = LocalFleet.desired(project, hosts);
    Reconciler reconciler = new Reconciler(new LocalFleet(unreachable),
        settings());
    return check ? reconciler.check(desired, hosts) : reconciler.apply(desired, hosts);
  }

  private static Map<String, ResourceStatus> statuses(RunReport report, String host) {
    return report.hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow()
        .resources().stream().collect(Collectors.toMap(ResourceResult::id, ResourceResult::status));
  }

  @Test
  void checkFindsExactlyTheDriftApplyFixesItAndTheSecondCheckIsClean() throws IOException {
    Files.writeString(etc.resolve("apache.conf"), "<VirtualHost>\nRewriteRule ^/login(.*) /im/login/redirect$1 [PT,NE]\n</VirtualHost>\n");
    Files.writeString(etc.resolve("astakos.conf"), "ASTAKOS_DEFAULT_FROM_EMAIL = 'old@x'\nOTHER = 1\n");
    Files.writeString(etc.resolve("in-sync.conf"), "KEEP = 1\n");
    states("""
        resources:
          - file: ETC/app.conf
            template: app.conf.ftl
            mode: "0640"
            notify: [reload-app]
          - line: ETC/apache.conf
            id: login-rewrite
            match: '^\\s*RewriteRule \\^/login'
            state: absent
          - line: ETC/astakos.conf
            id: server-email
            setting: SERVER_EMAIL
            value: "'admin@example.org'"
            replaces: ASTAKOS_DEFAULT_FROM_EMAIL
          - line: ETC/in-sync.conf
            id: keep
            text: KEEP = 1
          - command: touch ETC/migrated
            id: migrate
            creates: ETC/migrated
        handlers:
          - handler: reload-app
            command: echo reloaded >> ETC/handler.log
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");

    RunReport check = run(true, hosts, Set.of());
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(statuses(check, "h1")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "file:" + etc + "/app.conf", ResourceStatus.DRIFT, "line:login-rewrite", ResourceStatus.DRIFT,
        "line:server-email", ResourceStatus.DRIFT, "line:keep", ResourceStatus.OK, "command:migrate", ResourceStatus.DRIFT));
    assertThat(Files.exists(etc.resolve("app.conf"))).as("check changes nothing").isFalse();
    assertThat(Files.readString(etc.resolve("apache.conf"))).contains("RewriteRule");

    RunReport apply = run(false, hosts, Set.of());
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.summary().changes()).isEqualTo(4);
    assertThat(Files.readString(etc.resolve("app.conf"))).isEqualTo("HOST = 'h1'\nPASSWORD = 's3cr3t-h1'\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("app.conf")))).isEqualTo("rw-r-----");
    assertThat(Files.readString(etc.resolve("apache.conf"))).isEqualTo("<VirtualHost>\n</VirtualHost>\n");
    assertThat(Files.readString(etc.resolve("astakos.conf"))).isEqualTo("SERVER_EMAIL = 'admin@example.org'\nOTHER = 1\n");
    assertThat(Files.readString(etc.resolve("handler.log"))).isEqualTo("reloaded\n");
    assertThat(Files.readString(project.resolve("backups/run1" + etc + "/apache.conf"))).contains("RewriteRule");
    ResourceResult apache = apply.hosts().get(0).resources().stream().filter(r -> r.id().equals("line:login-rewrite")).findFirst().orElseThrow();
    assertThat(apache.backups()).containsExactly(project.resolve("backups/run1") + etc.toString() + "/apache.conf");

    RunReport again = run(true, hosts, Set.of());
    assertThat(again.exitCode()).isZero();
    assertThat(again.summary().changes()).isZero();
    RunReport applyAgain = run(false, hosts, Set.of());
    assertThat(applyAgain.summary().changes()).isZero();
    assertThat(Files.readString(etc.resolve("handler.log"))).as("handler runs only after a change").isEqualTo("reloaded\n");
  }

  @Test
  void anUnreachableHostNeverStopsTheOthers() throws IOException {
    states("""
        resources:
          - file: ETC/h1.conf
            content: "one\\n"
            hosts: h1
          - file: ETC/h2.conf
            content: "two\\n"
            hosts: h2
          - file: ETC/h3.conf
            content: "three\\n"
            hosts: h3
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1", "h2", "h3");
    RunReport apply = run(false, hosts, Set.of("h2"));
    assertThat(apply.exitCode()).isEqualTo(4);
    assertThat(apply.hosts()).extracting(h -> h.status()).containsExactly(HostStatus.CHANGED, HostStatus.UNREACHABLE, HostStatus.CHANGED);
    assertThat(apply.hosts().get(1).error()).hasValue("connection refused (test)");
    assertThat(Files.readString(etc.resolve("h1.conf"))).isEqualTo("one\n");
    assertThat(Files.readString(etc.resolve("h3.conf"))).isEqualTo("three\n");
  }

  @Test
  void checkReleasesEveryHostItContactedAndApplyKeepsThemForItsPhases() throws IOException {
    states("""
        resources:
          - file: ETC/h1.conf
            content: "one\\n"
            hosts: h1
          - file: ETC/h2.conf
            content: "two\\n"
            hosts: h2
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1", "h2", "h3");
    DesiredState desired = LocalFleet.desired(project, hosts);
    LocalFleet fleet = new LocalFleet(Set.of("h2"));
    Reconciler reconciler = new Reconciler(fleet, settings());

    RunReport check = reconciler.check(desired, hosts);

    assertThat(check.hosts()).extracting(h -> h.status()).containsExactly(HostStatus.DRIFTED, HostStatus.UNREACHABLE, HostStatus.OK);
    assertThat(fleet.released).containsExactlyInAnyOrder("h1", "h2"); // h3 has nothing declared: never contacted
    fleet.released.clear();
    assertThat(reconciler.apply(desired, hosts).hosts().get(0).status()).isEqualTo(HostStatus.CHANGED);
    assertThat(fleet.released).isEmpty();
  }

  @Test
  void applyOnAConvergedHostObservesOncePerPhaseAndRunsNothingElse() throws IOException {
    stateFile("10-first.yml", """
        phase: first
        resources:
          - file: ETC/one.conf
            content: "1\\n"
        """);
    stateFile("20-second.yml", """
        phase: second
        resources:
          - file: ETC/two.conf
            content: "2\\n"
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    DesiredState desired = LocalFleet.desired(project, hosts);
    RunSettings settings = settings();
    LocalFleet first = new LocalFleet(Set.of());
    assertThat(new Reconciler(first, settings).apply(desired, hosts).summary().changes()).isEqualTo(2);
    // per phase: observe, then the write with the phase's observation after it; one final verification across phases
    assertThat(first.scripts.get("h1")).hasValue(5);

    LocalFleet again = new LocalFleet(Set.of());
    RunReport converged = new Reconciler(again, settings).apply(desired, hosts);

    assertThat(converged.exitCode()).isZero();
    assertThat(converged.summary().changes()).isZero();
    assertThat(again.scripts.get("h1")).as("one observation per phase, nothing else").hasValue(2);
  }

  /**
   * Stand-ins for dpkg-query and apt-get on PATH (a status file of `name TAB version` lines), so that the
   * real package scripts run without touching this machine's packages.
   */
  private String fakeDpkg(Path status) throws IOException {
    Path bin = Files.createDirectories(project.resolve("bin"));
    Files.writeString(bin.resolve("dpkg-query"), """
        #!/bin/sh
        shift 2
        for p in "$@"; do awk -F '\\t' -v p="$p" '$1 == p { printf "%s\\t%s\\tinstall ok installed\\n", $1, $2 }' "$STATUS"; done
        """);
    Files.writeString(bin.resolve("apt-get"), """
        #!/bin/sh
        echo "Reading package lists..."
        if [ -e "$STATUS.broken" ]; then echo "E: Version '0.9-1' for 'kamaki' was not found" >&2; exit 100; fi
        seen=0
        for a in "$@"; do
          if [ $seen = 1 ]; then
            n=${a%%=*}; v=${a#*=}
            awk -F '\\t' -v n="$n" '$1 != n' "$STATUS" > "$STATUS.new"
            printf '%s\\t%s\\n' "$n" "$v" >> "$STATUS.new" && mv "$STATUS.new" "$STATUS"
            echo "Setting up $n ($v) ..."
          fi
          [ "$a" = install ] && seen=1
        done
        exit 0
        """);
    for (Path tool : List.of(bin.resolve("dpkg-query"), bin.resolve("apt-get"))) {
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return "export PATH='" + bin + "':\"$PATH\" STATUS='" + status + "'\n";
  }

  @Test
  void theAptGetRunObservesThePhaseAgainInItsOwnRoundTrip() throws IOException {
    Path status = project.resolve("dpkg-status");
    Files.writeString(status, "kamaki\t0.7.9-1\n");
    String dpkg = fakeDpkg(status);
    states("""
        resources:
          - package: kamaki
            version: 0.8-1
          - file: ETC/kamakirc
            content: "url = x\\n"
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    DesiredState desired = LocalFleet.desired(project, hosts);
    RunSettings settings = settings();

    LocalFleet fleet = new LocalFleet(Set.of(), dpkg);
    RunReport apply = new Reconciler(fleet, settings).apply(desired, hosts);

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(statuses(apply, "h1")).containsEntry("package:kamaki", ResourceStatus.CHANGED)
        .containsEntry("file:" + etc + "/kamakirc", ResourceStatus.CHANGED);
    assertThat(Files.readString(status)).isEqualTo("kamaki\t0.8-1\n");
    // observe; apt-get and observe again; the write and the last observation
    assertThat(fleet.scripts.get("h1")).hasValue(3);
    LocalFleet again = new LocalFleet(Set.of(), dpkg);
    assertThat(new Reconciler(again, settings).check(desired, hosts).exitCode()).isZero();

    Files.writeString(status, "kamaki\t0.7.9-1\n");
    LocalFleet packagesOnly = new LocalFleet(Set.of(), dpkg);
    assertThat(new Reconciler(packagesOnly, settings).apply(desired, hosts).summary().changes()).isEqualTo(1);
    assertThat(packagesOnly.scripts.get("h1")).as("nothing ran after apt-get's own observation").hasValue(2);
  }

  @Test
  void aFailedAptGetRunFailsItsPackagesWithAptGetsErrorAndNothingAfterRuns() throws IOException {
    Path status = project.resolve("dpkg-status");
    Files.writeString(status, "kamaki\t0.7.9-1\n");
    Files.writeString(project.resolve("dpkg-status.broken"), "");
    String dpkg = fakeDpkg(status);
    states("""
        resources:
          - package: kamaki
            version: 0.9-1
          - file: ETC/kamakirc
            content: "url = x\\n"
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    RunReport apply = new Reconciler(new LocalFleet(Set.of(), dpkg),
        settings())
        .apply(LocalFleet.desired(project, hosts), hosts);

    assertThat(apply.exitCode()).isEqualTo(4);
    assertThat(statuses(apply, "h1")).containsEntry("package:kamaki", ResourceStatus.FAILED)
        .containsEntry("file:" + etc + "/kamakirc", ResourceStatus.SKIPPED);
    assertThat(apply.hosts().get(0).resources().get(0).error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("apt-get install failed (exit 100)").contains("Version '0.9-1' for 'kamaki' was not found"));
    assertThat(Files.exists(etc.resolve("kamakirc"))).isFalse();
  }

  @Test
  void fileChangesDecidedOnTheSameFactsGoInOneScriptUpToOneALaterResourceObserves() throws IOException {
    Files.writeString(etc.resolve("old.conf"), "old\n");
    Files.setPosixFilePermissions(etc.resolve("old.conf"), PosixFilePermissions.fromString("rw-rw-rw-"));
    Files.writeString(etc.resolve("gone.conf"), "remove me\n");
    states("""
        resources:
          - file: ETC/new.conf
            content: "a = 1\\nb = 'two'\\n"
          - file: ETC/empty.conf
            content: ""
          - file: ETC/old.conf
            content: "no newline at the end"
            mode: "0600"
          - file: ETC/gone.conf
            state: absent
          - line: ETC/old.conf
            id: already-there
            text: "no newline at the end"
          - file: ETC/last.conf
            content: "last\\n"
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    DesiredState desired = LocalFleet.desired(project, hosts);
    LocalFleet fleet = new LocalFleet(Set.of());
    RunReport apply = new Reconciler(fleet, settings()).apply(desired, hosts);

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.summary().changes()).isEqualTo(5);
    assertThat(statuses(apply, "h1")).as("decided after old.conf was written").containsEntry("line:already-there", ResourceStatus.OK);
    assertThat(Files.readString(etc.resolve("new.conf"))).isEqualTo("a = 1\nb = 'two'\n");
    assertThat(Files.readAllBytes(etc.resolve("empty.conf"))).isEmpty();
    assertThat(Files.readString(etc.resolve("old.conf"))).isEqualTo("no newline at the end");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("old.conf")))).isEqualTo("rw-------");
    assertThat(Files.exists(etc.resolve("gone.conf"))).isFalse();
    assertThat(Files.readString(etc.resolve("last.conf"))).isEqualTo("last\n");
    // each backup belongs to the resource that made it, though one script made both
    String backups = project.resolve("backups/run1") + etc.toString();
    Map<String, ResourceResult> results = apply.hosts().get(0).resources().stream()
        .collect(Collectors.toMap(ResourceResult::id, r -> r));
    assertThat(results.get("file:" + etc + "/old.conf").backups()).containsExactly(backups + "/old.conf");
    assertThat(results.get("file:" + etc + "/gone.conf").backups()).containsExactly(backups + "/gone.conf");
    assertThat(results.get("file:" + etc + "/new.conf").backups()).isEmpty();
    assertThat(Files.readString(project.resolve("backups/run1" + etc + "/gone.conf"))).isEqualTo("remove me\n");
    // observe; the first three files, up to old.conf, which the line observes; gone.conf and last.conf
    assertThat(fleet.scripts.get("h1")).hasValue(3);

    LocalFleet again = new LocalFleet(Set.of());
    assertThat(new Reconciler(again, settings()).apply(desired, hosts).summary().changes()).isZero();
    assertThat(again.scripts.get("h1")).hasValue(1);
  }

  @Test
  void aFailedWriteInABatchFailsWithItsOwnErrorAndTheRestOfTheBatchIsNotAttempted() throws IOException {
    Files.writeString(etc.resolve("blocker"), "a file where a directory should be\n");
    states("""
        resources:
          - file: ETC/first.conf
            content: "1\\n"
          - file: ETC/second.conf
            content: "2\\n"
          - file: ETC/blocker/third.conf
            content: "3\\n"
          - file: ETC/fourth.conf
            content: "4\\n"
        """);
    RunReport apply = run(false, LocalFleet.hosts("h1"), Set.of());

    assertThat(apply.exitCode()).isEqualTo(4);
    assertThat(statuses(apply, "h1")).containsEntry("file:" + etc + "/first.conf", ResourceStatus.CHANGED)
        .containsEntry("file:" + etc + "/second.conf", ResourceStatus.CHANGED)
        .containsEntry("file:" + etc + "/blocker/third.conf", ResourceStatus.FAILED)
        .containsEntry("file:" + etc + "/fourth.conf", ResourceStatus.SKIPPED);
    ResourceResult third = apply.hosts().get(0).resources().stream()
        .filter(r -> r.id().equals("file:" + etc + "/blocker/third.conf")).findFirst().orElseThrow();
    assertThat(third.error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("write " + etc + "/blocker/third.conf failed (exit 1): mkdir: cannot create directory")
        .doesNotContain("@@"));
    assertThat(Files.readString(etc.resolve("second.conf"))).isEqualTo("2\n");
    assertThat(Files.exists(etc.resolve("fourth.conf"))).isFalse();
  }

  @Test
  void aFailurePersistingAfterApplyIsFailedNeverChanged() throws IOException {
    states("""
        resources:
          - command: "true"
            id: noop
            unless: test -e ETC/never
          - file: ETC/after.conf
            content: "x\\n"
        """);
    RunReport apply = run(false, LocalFleet.hosts("h1"), Set.of());
    assertThat(statuses(apply, "h1")).containsEntry("command:noop", ResourceStatus.FAILED);
    assertThat(apply.hosts().get(0).resources().get(0).error()).hasValueSatisfying(e -> assertThat(e).startsWith("still differs after apply"));
    assertThat(apply.exitCode()).isEqualTo(4);
  }

  @Test
  void aFailedPhaseStopsLaterPhasesAndTheRerunResumes() throws IOException {
    stateFile("10-first.yml", """
        phase: first
        resources:
          - command: test -e ETC/allowed && touch ETC/first-done
            id: first
            creates: ETC/first-done
        """);
    stateFile("20-second.yml", """
        phase: second
        resources:
          - file: ETC/second.conf
            content: "2\\n"
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    RunReport stopped = run(false, hosts, Set.of());
    assertThat(stopped.stoppedAt()).hasValue("first");
    assertThat(statuses(stopped, "h1")).containsEntry("command:first", ResourceStatus.FAILED)
        .containsEntry("file:" + etc + "/second.conf", ResourceStatus.SKIPPED);
    assertThat(Files.exists(etc.resolve("second.conf"))).isFalse();

    Files.writeString(etc.resolve("allowed"), "");
    RunReport resumed = run(false, hosts, Set.of());
    assertThat(resumed.exitCode()).isZero();
    assertThat(statuses(resumed, "h1")).containsEntry("command:first", ResourceStatus.CHANGED)
        .containsEntry("file:" + etc + "/second.conf", ResourceStatus.CHANGED);
  }

  @Test
  void eachResourceIsDecidedOnFactsFreshForItsTurn() throws IOException {
    states("""
        resources:
          - command: printf 'X = 1\\nY = 1\\n' > ETC/created.conf
            id: create
            creates: ETC/created.conf
          - line: ETC/created.conf
            id: x
            setting: X
            value: "2"
        """);
    RunReport apply = run(false, LocalFleet.hosts("h1"), Set.of());
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(statuses(apply, "h1")).containsEntry("command:create", ResourceStatus.CHANGED).containsEntry("line:x", ResourceStatus.CHANGED);
    assertThat(Files.readString(etc.resolve("created.conf"))).isEqualTo("X = 2\nY = 1\n");
  }

  @Test
  void afterAFailureTheRestIsSkippedWithItsDrift() throws IOException {
    states("""
        resources:
          - command: "false"
            id: broken
            creates: ETC/never
          - file: ETC/later.conf
            content: "x\\n"
        """);
    RunReport apply = run(false, LocalFleet.hosts("h1"), Set.of());
    assertThat(statuses(apply, "h1")).containsEntry("command:broken", ResourceStatus.FAILED)
        .containsEntry("file:" + etc + "/later.conf", ResourceStatus.SKIPPED);
    assertThat(apply.hosts().get(0).resources().get(0).error()).hasValueSatisfying(e -> assertThat(e).startsWith("command failed (exit 1)"));
    assertThat(Files.exists(etc.resolve("later.conf"))).isFalse();
  }

  @Test
  void aResourceUndoneByALaterPhaseIsFailedNotChanged() throws IOException {
    stateFile("10-first.yml", """
        phase: first
        resources:
          - file: ETC/shared.conf
            content: "first\\n"
        """);
    stateFile("20-second.yml", """
        phase: second
        resources:
          - command: echo clobbered > ETC/shared.conf && touch ETC/done
            id: clobber
            creates: ETC/done
        """);
    RunReport apply = run(false, LocalFleet.hosts("h1"), Set.of());
    assertThat(statuses(apply, "h1")).containsEntry("file:" + etc + "/shared.conf", ResourceStatus.FAILED)
        .containsEntry("command:clobber", ResourceStatus.CHANGED);
    assertThat(apply.hosts().get(0).resources().get(0).error())
        .hasValueSatisfying(e -> assertThat(e).startsWith("undone by a later phase of this run"));
    assertThat(apply.exitCode()).isEqualTo(4);
  }

  @Test
  void guardedDeclarationsLetAValueHoldDuringAnUpgradeOnlyAndRerunsFindNothing() throws IOException {
    Files.writeString(project.resolve("templates/pithos.conf.ftl"), "PITHOS_USE_QUOTAHOLDER = ${use_quotaholder}\n");
    stateFile("10-configure.yml", """
        phase: configure
        resources:
          - file: ETC/pithos.conf
            id: pithos-during-migration
            template: pithos.conf.ftl
            vars: {use_quotaholder: "False"}
            when: "! test -e ETC/migrated"
        """);
    stateFile("20-migrate.yml", """
        phase: migrate
        resources:
          - command: grep -q False ETC/pithos.conf && touch ETC/migrated
            id: migrate
            creates: ETC/migrated
        """);
    stateFile("30-finish.yml", """
        phase: finish
        resources:
          - file: ETC/pithos.conf
            template: pithos.conf.ftl
            vars: {use_quotaholder: "True"}
        """);
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    RunReport first = run(false, hosts, Set.of());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(statuses(first, "h1")).containsEntry("file:pithos-during-migration", ResourceStatus.CHANGED)
        .containsEntry("command:migrate", ResourceStatus.CHANGED).containsEntry("file:" + etc + "/pithos.conf", ResourceStatus.CHANGED);
    assertThat(Files.readString(etc.resolve("pithos.conf"))).isEqualTo("PITHOS_USE_QUOTAHOLDER = True\n");

    RunReport second = run(false, hosts, Set.of());
    assertThat(second.summary().changes()).isZero();
    assertThat(run(true, hosts, Set.of()).exitCode()).isZero();
  }
}
