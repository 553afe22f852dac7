package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.report.SecretMasker;
import io.reconcile.testing.EmbeddedSshServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end over real SSH (embedded Mina servers running /bin/sh on this machine):
 * exit codes, text and JSON output, secrets masked, bad input refused before any host is contacted.
 */
class CliTest {
  @TempDir Path project;
  private EmbeddedSshServer web1;
  private EmbeddedSshServer web2;
  private Path etc;

  @BeforeEach
  void setUp() throws Exception {
    Path key = project.resolve("id_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-N", "", "-t", "ed25519", "-f", key.toString()).start();
    assertThat(keygen.waitFor()).isZero();
    web1 = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start();
    web2 = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start();
    web1.writeKnownHosts(project.resolve("known_hosts"));
    web2.writeKnownHosts(project.resolve("known_hosts"));
    etc = Files.createDirectories(project.resolve("etc"));
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/app.conf.ftl"), "HOST = '${inventory_hostname}'\nTOKEN = '${service_token}'\n");
    Files.writeString(project.resolve("states/10-app.yml"), """
        hosts: web
        resources:
          - file: ETC/app.conf
            template: app.conf.ftl
        """.replace("ETC", etc.toString()));
    inventory(web1.port(), web2.port());
  }

  @AfterEach
  void tearDown() throws IOException {
    web1.close();
    web2.close();
  }

  private void inventory(int port1, int port2) throws IOException {
    Files.writeString(project.resolve("prod.ini"), """
        [web]
        web1 ansible_host=127.0.0.1 ansible_port=%d
        [all:vars]
        ansible_user=deploy
        ansible_ssh_private_key_file=id_ed25519
        service_token=tok-Secret-123
        """.formatted(port1) + (port2 > 0 ? "\n[web]\nweb2 ansible_host=127.0.0.1 ansible_port=%d\n".formatted(port2) : ""));
  }

  private record Run(int code, String out, String err) {}

  private Run reconcile(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--known-hosts", project.resolve("known_hosts").toString()));
    args.addAll(List.of(flags));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<SecretMasker> masker = new AtomicReference<>(SecretMasker.byMeaning());
    int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), masker::set);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void checkApplyCheckOverSsh() throws Exception {
    inventory(web1.port(), 0);
    Run check = reconcile("--check", "--diff");
    assertThat(check.code()).as(check.err()).isEqualTo(2);
    assertThat(check.out()).contains("web1: drifted", "~ file:" + etc + "/app.conf: absent -> ", "+HOST = 'web1'",
        "+TOKEN = '********'", "Summary (check): 1 hosts: 0 ok, 1 drifted, 0 changed, 0 failed, 0 unreachable; 1 change");
    assertThat(check.out() + check.err()).doesNotContain("tok-Secret-123");
    assertThat(Files.exists(etc.resolve("app.conf"))).isFalse();

    Run apply = reconcile();
    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    assertThat(Files.readString(etc.resolve("app.conf"))).isEqualTo("HOST = 'web1'\nTOKEN = 'tok-Secret-123'\n");

    Run again = reconcile("--check", "--format", "json");
    assertThat(again.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("mode").asText()).isEqualTo("check");
    assertThat(json.get("summary").get("changes").asInt()).isZero();
    assertThat(json.get("hosts").get(0).get("resources").get(0).get("status").asText()).isEqualTo("ok");
    assertThat(web1.sessionsCreated()).as("one SSH session per host per run").isEqualTo(3);
  }

  /** What an operator reads (diff, JSON on stdout, --report-json) is masked by the run itself, not by its reader. */
  @Test
  void diffsAndJsonNeverShowSecretValues() throws Exception {
    inventory(web1.port(), 0);
    // the secret behind a secret name, and in a line whose name says nothing (masked by its value only)
    Files.writeString(project.resolve("templates/app.conf.ftl"),
        "TOKEN = '${service_token}'\nNOTE = 'rotated to ${service_token}'\n");
    Path reportJson = project.resolve("report.json");

    Run text = reconcile("--check", "--diff");
    Run json = reconcile("--check", "--format", "json", "--report-json", reportJson.toString());

    assertThat(text.code()).as(text.err()).isEqualTo(2);
    assertThat(text.out()).contains("+TOKEN = '********'", "+NOTE = 'rotated to ********'");
    for (String report : List.of(json.out(), Files.readString(reportJson))) {
      assertThat(new ObjectMapper().readTree(report).get("hosts").get(0).get("resources").get(0).get("diff").asText())
          .contains("+TOKEN = '********'", "+NOTE = 'rotated to ********'");
    }
    assertThat(text.out() + text.err() + json.out() + json.err() + Files.readString(reportJson))
        .doesNotContain("tok-Secret-123");
    assertThat(reconcile().code()).isZero();
    assertThat(Files.readString(etc.resolve("app.conf"))).as("the secret is really in play")
        .isEqualTo("TOKEN = 'tok-Secret-123'\nNOTE = 'rotated to tok-Secret-123'\n");
  }

  @Test
  void anUnreachableHostIsNamedAndTheOthersConverge() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(project.resolve("prod.ini"), Files.readString(project.resolve("prod.ini"))
        + "\n[web]\nweb3 ansible_host=127.0.0.1 ansible_port=" + closedPort + "\n");
    Run apply = reconcile("--format", "json", "--limit", "web1:web3");
    assertThat(apply.code()).isEqualTo(4);
    JsonNode json = new ObjectMapper().readTree(apply.out());
    assertThat(json.get("summary").get("unreachable").asInt()).isEqualTo(1);
    assertThat(json.get("hosts").get(1).get("name").asText()).isEqualTo("web3");
    assertThat(json.get("hosts").get(1).get("status").asText()).isEqualTo("unreachable");
    assertThat(json.get("hosts").get(0).get("status").asText()).isEqualTo("changed");
  }

  @Test
  void badInputExits65BeforeAnyHostIsContacted() throws Exception {
    Files.writeString(project.resolve("templates/app.conf.ftl"), "X = '${undefined_setting}'\n");
    Run run = reconcile("--check");
    assertThat(run.code()).isEqualTo(65);
    assertThat(run.err())
        .contains("templates/app.conf.ftl:1: undefined variable 'undefined_setting' for hosts web1, web2");
    assertThat(web1.sessionsCreated() + web2.sessionsCreated()).isZero();

    Files.writeString(project.resolve("prod.ini"), "[web]\nweb1 ansible_port=notaport\n");
    Run badInventory = reconcile("--check");
    assertThat(badInventory.code()).isEqualTo(65);
    assertThat(badInventory.err()).contains("prod.ini:2:");
  }

  @Test
  void everyMissingVariableIsNamedAtOnceWithTemplateLineAndTheHostsLackingIt() throws Exception {
    Files.writeString(project.resolve("templates/lib.ftl"),
        "<#function py text><#return \"'\" + text + \"'\"></#function>\n");
    Files.writeString(project.resolve("templates/app.conf.ftl"), """
        <#import "lib.ftl" as lib>
        HOST = ${lib.py(inventory_hostname)}
        TOKEN = ${lib.py(quotaholder_token)}
        URL = '${astakos_url}'
        """);
    Files.writeString(project.resolve("prod.ini"), Files.readString(project.resolve("prod.ini"))
        + "[web]\nweb2 quotaholder_token=q-123\n");
    Run run = reconcile("--check");

    assertThat(run.code()).as(run.err()).isEqualTo(65);
    assertThat(run.err()).contains(
        "templates/app.conf.ftl:3: undefined variable 'quotaholder_token' for host web1\n",
        "  templates/app.conf.ftl:4: undefined variable 'astakos_url' for hosts web1, web2\n",
        "(2 undefined variables)");
    assertThat(run.err()).doesNotContain("null/missing");
    assertThat(web1.sessionsCreated() + web2.sessionsCreated()).isZero();
  }

  @Test
  void badFlagsExit64() {
    assertThat(reconcile("--forks", "zero").code()).isEqualTo(64);
    assertThat(reconcile("--no-such-flag").code()).isEqualTo(64);
    assertThat(reconcile("--limit", "nothing-matches").code()).isEqualTo(64);
  }
}
