package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed path that is a symbolic link, through the real scripts on local files: it is never followed
 * (a link to /etc/shadow would put shadow into diffs and reports, and chown/chmod would change it), it
 * is refused with a clear message, and replaced as a link (never written through) only when declared.
 */
class SymlinksTest {
  private static final String SHADOW = "root:$6$secret-hash-of-the-host:19000:0:99999:7:::\n";

  @TempDir Path project;
  private Path etc;
  private Path shadow;

  @BeforeEach
  void setUp() throws IOException {
    etc = Files.createDirectories(project.resolve("etc"));
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    shadow = project.resolve("shadow");
    Files.writeString(shadow, SHADOW);
    Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(etc.resolve("app.conf"), shadow);
  }

  private void states(String yaml) throws IOException {
    Files.writeString(project.resolve("states/10-main.yml"), yaml.replace("ETC", etc.toString()));
  }

  private RunReport run(boolean check) {
    List<HostTarget> hosts = LocalFleet.hosts("h1");
    Reconciler reconciler = new Reconciler(new LocalFleet(Set.of()),
        new RunSettings(1, "run1", project.resolve("backups").toString(), project.resolve("exports")));
    DesiredState desired = LocalFleet.desired(project, hosts);
    return check ? reconciler.check(desired, hosts) : reconciler.apply(desired, hosts);
  }

  private void assertShadowUntouched() throws IOException {
    assertThat(Files.readString(shadow)).isEqualTo(SHADOW);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shadow))).isEqualTo("rw-------");
    assertThat(Files.isSymbolicLink(etc.resolve("app.conf"))).isTrue();
  }

  @Test
  void aFileThatIsASymlinkIsRefusedAndItsTargetNeitherShownNorChanged() throws IOException {
    states("""
        resources:
          - file: ETC/app.conf
            content: "SETTING = 1\\n"
            mode: "0644"
          - line: ETC/app.conf
            id: a-line
            text: "OTHER = 2"
        """);

    RunReport check = run(true);
    RunReport apply = run(false);

    for (RunReport report : List.of(check, apply)) {
      assertThat(report.toString()).doesNotContain("secret-hash-of-the-host");
    }
    ResourceResult file = apply.hosts().get(0).resources().get(0);
    assertThat(file.status()).isEqualTo(ResourceStatus.FAILED);
    assertThat(file.error()).hasValueSatisfying(e -> assertThat(e)
        .contains(etc.resolve("app.conf") + " is a symbolic link (to " + shadow + ")", "not followed", "replace_link"));
    assertThat(apply.exitCode()).isEqualTo(4);
    assertShadowUntouched();
  }

  @Test
  void aLineInASymlinkedFileIsRefused() throws IOException {
    states("""
        resources:
          - line: ETC/app.conf
            id: a-line
            text: "OTHER = 2"
        """);

    RunReport apply = run(false);

    ResourceResult line = apply.hosts().get(0).resources().get(0);
    assertThat(line.status()).isEqualTo(ResourceStatus.FAILED);
    assertThat(line.error()).hasValueSatisfying(e -> assertThat(e).contains("is a symbolic link", "not followed"));
    assertThat(apply.toString()).doesNotContain("secret-hash-of-the-host");
    assertShadowUntouched();
  }

  @Test
  void declaredSoTheLinkItselfIsReplacedAndKeptAsALinkInTheBackup() throws IOException {
    states("""
        resources:
          - file: ETC/app.conf
            content: "SETTING = 1\\n"
            mode: "0640"
            replace_link: true
        """);

    RunReport apply = run(false);

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.toString()).doesNotContain("secret-hash-of-the-host");
    Path conf = etc.resolve("app.conf");
    assertThat(Files.isSymbolicLink(conf)).isFalse();
    assertThat(Files.readString(conf)).isEqualTo("SETTING = 1\n");
    assertThat(Files.readString(shadow)).isEqualTo(SHADOW);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shadow))).isEqualTo("rw-------");
    Path backup = Path.of(project + "/backups/run1" + conf);
    assertThat(Files.isSymbolicLink(backup)).as("the backup is the link, not a copy of its target").isTrue();
    assertThat(Files.readSymbolicLink(backup)).isEqualTo(shadow);
    assertThat(run(true).exitCode()).isZero();
    assertThat(Files.exists(backup, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}
