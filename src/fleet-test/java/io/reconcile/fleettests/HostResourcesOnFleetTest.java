package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetHost;
import io.reconcile.testing.FleetTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every host resource type against real hosts (sshd, dpkg, apt, init scripts): drift made by hand is
 * reported by --check with exactly those ids (exit 2), check changes nothing, apply fixes it, the next
 * check is clean; an unreachable host never stops the others.
 */
@FleetTest(release = "0.13", ganeti = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostResourcesOnFleetTest {
  private static final String SETTINGS = "/etc/synnefo/99-reconcile-test.conf";
  private static final String APACHE = "/etc/apache2/sites-available/synnefo-ssl";
  private static final String MARKER = "/var/lib/reconcile-test-marker";
  private static final String TOKEN = "tok-3b1f-Secret";

  @TempDir static Path project;
  private Fleet fleet;

  @BeforeAll
  void writeProject(Fleet fleet) throws IOException {
    this.fleet = fleet;
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/test.conf.ftl"), "# managed by reconcile\nTOKEN = '${test_token}'\nHOST = '${inventory_hostname}'\n");
    Files.writeString(project.resolve("states/10-host.yml"), """
        resources:
          - package: kamaki
            version: 0.8-1
          - file: %s
            template: test.conf.ftl
            owner: root
            group: www-data
            mode: "0640"
            hosts: astakos
            notify: [restart-gunicorn]
          - line: %s
            id: login-rewrite
            match: '^\\s*RewriteRule \\^/login'
            state: absent
            hosts: astakos
          - service: gunicorn
            state: running
            hosts: astakos
          - command: touch %s
            id: marker
            creates: %s
        handlers:
          - handler: restart-gunicorn
            service: gunicorn
        """.formatted(SETTINGS, APACHE, MARKER, MARKER));
    // ganeti1 is reached as an unprivileged user with sudo (ansible_become), the others as root
    String inventory = Files.readString(fleet.inventory())
        .replaceAll("(ganeti1 [^\\n]*)ansible_user=root", "$1ansible_user=deploy ansible_become=true");
    Files.writeString(project.resolve("prod.ini"), inventory + "\n[all:vars]\ntest_token=" + TOKEN + "\n");
  }

  private ReconcileRun reconcile(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--known-hosts", fleet.knownHosts().toString(), "--format", "json"));
    args.addAll(List.of(flags));
    ReconcileRun run = ReconcileRun.of(args);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    return run;
  }

  /** Everything check mode could touch: /etc and dpkg's database. */
  private Map<String, String> snapshot() {
    Map<String, String> state = new HashMap<>();
    for (FleetHost host : fleet.hosts()) {
      state.put(host.name(), fleet.run(host.name(), "sh", "-c",
          "find /etc -xdev \\( -type f -o -type l \\) -exec stat -c '%n %a %U %G %Y' {} + | sort; "
              + "find /etc -xdev -type f -exec sha256sum {} + | sort; sha256sum /var/lib/dpkg/status; ls -l /var/lib"));
    }
    return state;
  }

  @Test
  @Order(1)
  void applyConvergesAndTheNextCheckFindsNothing() {
    ReconcileRun apply = reconcile();
    assertThat(apply.code()).as(apply.toString()).isZero();
    ReconcileRun check = reconcile("--check");
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.json().get("summary").get("changes").asInt()).isZero();
    assertThat(fleet.exec("astakos1", "cat", SETTINGS).stdoutText()).isEqualTo("# managed by reconcile\nTOKEN = '" + TOKEN + "'\nHOST = 'astakos1'\n");
  }

  @Test
  @Order(2)
  void driftByHandIsReportedExactlyAndCheckChangesNothing() {
    fleet.run("astakos1", "sh", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades kamaki=0.7.9-1 >/dev/null"
        + " && echo 'EXTRA = 1' >> " + SETTINGS + " && service gunicorn stop >/dev/null"
        + " && echo '  RewriteRule ^/login(.*) /im/login/redirect$1 [PT,NE]' >> " + APACHE);
    fleet.run("cyclades1", "rm", MARKER);

    Map<String, String> before = snapshot();
    ReconcileRun check = reconcile("--check", "--diff");
    assertThat(snapshot()).as("check mode changes nothing on any host").isEqualTo(before);

    assertThat(check.code()).as(check.toString()).isEqualTo(2);
    Map<String, List<String>> drifted = check.idsWithStatus("drift");
    assertThat(drifted.get("astakos1")).containsExactlyInAnyOrder(
        "package:kamaki", "file:" + SETTINGS, "line:login-rewrite", "service:gunicorn");
    assertThat(drifted.get("cyclades1")).containsExactly("command:marker");
    assertThat(drifted.get("pithos1")).isEmpty();
    assertThat(drifted.get("ganeti1")).isEmpty();
    assertThat(check.json().get("summary").get("changes").asInt()).isEqualTo(5);
    assertThat(check.out()).contains("-EXTRA = 1", "-  RewriteRule ^/login(.*) /im/login/redirect$1 [PT,NE]", "0.7.9-1");
  }

  @Test
  @Order(3)
  void applyFixesExactlyTheDriftThenCheckIsClean() {
    ReconcileRun apply = reconcile();
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.idsWithStatus("changed").get("astakos1")).containsExactlyInAnyOrder(
        "package:kamaki", "file:" + SETTINGS, "line:login-rewrite", "service:gunicorn", "handler:restart-gunicorn");
    assertThat(apply.idsWithStatus("changed").get("cyclades1")).containsExactly("command:marker");
    assertThat(fleet.exec("astakos1", "sh", "-c", "grep -c 'RewriteRule ^/login' " + APACHE + "; dpkg-query -W -f '${Version}' kamaki; service gunicorn status")
        .stdoutText()).startsWith("0\n0.8-1").contains("running");

    ReconcileRun check = reconcile("--check");
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.json().get("summary").get("changes").asInt()).isZero();
  }

  @Test
  @Order(4)
  void anUnreachableHostIsNamedWhileTheOthersConverge() throws IOException {
    fleet.run("pithos1", "rm", MARKER);
    Files.writeString(project.resolve("prod.ini"), Files.readString(project.resolve("prod.ini"))
        + "\n[ganeti]\nganeti9 ansible_host=127.0.0.1 ansible_port=1 ansible_user=root\n");
    ReconcileRun apply = reconcile();
    assertThat(apply.code()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.json().get("summary").get("unreachable").asInt()).isEqualTo(1);
    assertThat(apply.statuses().get("pithos1")).containsEntry("command:marker", "changed");
    assertThat(apply.out()).contains("\"name\" : \"ganeti9\"", "\"status\" : \"unreachable\"");
    assertThat(fleet.exec("pithos1", "test", "-e", MARKER).exitStatus()).isZero();
  }
}
