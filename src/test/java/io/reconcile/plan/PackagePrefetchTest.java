package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages a later phase installs are downloaded before the first phase stops the services, and
 * installed in their own phase, after the stop: through the real scripts, with stand-ins for dpkg-query
 * and apt-get that write what they are asked to do into one log, as the stop does.
 */
class PackagePrefetchTest {
  @TempDir Path project;
  private Path log;
  private String tools;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Path bin = Files.createDirectories(project.resolve("bin"));
    Path status = project.resolve("dpkg-status");
    Files.writeString(status, "kamaki\t0.7.9-1\nsnf-common\t0.12.5-1\n");
    log = project.resolve("host.log");
    Files.writeString(bin.resolve("dpkg-query"), """
        #!/bin/sh
        shift 2
        for p in "$@"; do
          awk -F '\\t' -v p="$p" '$1 == p { printf "%s\\t%s\\tinstall ok installed\\n", $1, $2 }' "$STATUS"
        done
        """);
    Files.writeString(bin.resolve("apt-get"), """
        #!/bin/sh
        download=0; seen=0; args=""
        for a in "$@"; do
          [ "$a" = --download-only ] && download=1
          [ $seen = 1 ] && args="$args $a"
          [ "$a" = install ] && seen=1
        done
        if [ $download = 1 ]; then echo "download$args" >> "$LOG"; exit 0; fi
        echo "install$args" >> "$LOG"
        for a in $args; do
          n=${a%%=*}; v=${a#*=}
          awk -F '\\t' -v n="$n" '$1 != n' "$STATUS" > "$STATUS.new"
          printf '%s\\t%s\\n' "$n" "$v" >> "$STATUS.new" && mv "$STATUS.new" "$STATUS"
        done
        """);
    for (String tool : List.of("dpkg-query", "apt-get")) {
      Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    tools = "export PATH='" + bin + "':\"$PATH\" STATUS='" + status + "' LOG='" + log + "'\n";
  }

  private RunReport apply() {
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    return new Reconciler(new LocalFleet(Set.of(), tools),
        new RunSettings(4, "run1", project.resolve("backups").toString(), project.resolve("exports")))
        .apply(LocalFleet.desired(project, hosts), hosts);
  }

  private void phase(String file, String yaml) throws IOException {
    Files.writeString(project.resolve("states/" + file), yaml.replace("LOG", log.toString()));
  }

  @Test
  void laterPhasesPackagesAreDownloadedBeforeTheStopAndInstalledAfterIt() throws IOException {
    phase("10-stop.yml", """
        phase: stop-services
        resources:
          - command: echo stop >> LOG
            id: stop
            unless: grep -qx stop LOG
        """);
    phase("30-packages.yml", """
        phase: packages
        resources:
          - package: kamaki
            version: 0.8-1
          - package: snf-common
            version: 0.13-1
          - package: snf-common-absent-here
            state: absent
        """);

    RunReport first = apply();
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.hosts().get(0).resources()).extracting(r -> r.status()).containsOnly(ResourceStatus.CHANGED,
        ResourceStatus.OK);
    assertThat(Files.readAllLines(log)).containsExactly("download kamaki=0.8-1 snf-common=0.13-1", "stop",
        "install kamaki=0.8-1 snf-common=0.13-1");

    assertThat(apply().summary().changes()).isZero();
    assertThat(Files.readAllLines(log)).as("a converged host downloads nothing").hasSize(3);
  }

  @Test
  void packagesOfTheFirstPhaseAreInstalledRightAwayWithoutADownloadFirst() throws IOException {
    phase("30-packages.yml", """
        phase: packages
        resources:
          - package: kamaki
            version: 0.8-1
        """);
    phase("40-after.yml", """
        phase: after
        resources:
          - command: echo after >> LOG
            id: after
            unless: grep -qx after LOG
        """);

    assertThat(apply().exitCode()).isZero();
    assertThat(Files.readAllLines(log)).containsExactly("install kamaki=0.8-1", "after");
  }
}
