package io.reconcile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileRun;
import io.reconcile.testing.EmbeddedSshServer;
import io.reconcile.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad operator input, including input built to hurt the parser (alias bombs, deep nesting, huge files):
 * every case exits 65 naming file and line, and no host is contacted (the inventory points at a real SSH
 * server that counts its sessions), and no report or history record is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final String GOOD_STATE = """
      resources:
        - file: /tmp/reconcile-rel-bad-input/app.conf
          template: app.conf.ftl
      """;
  private static final String GOOD_TEMPLATE = "HOST = '${inventory_hostname}'\n";

  @TempDir static Path keys;
  private EmbeddedSshServer host;
  private String inventory;

  record Case(String name, Map<String, String> files, String location) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void startHost() throws Exception {
    Path key = keys.resolve("id_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-N", "", "-t", "ed25519", "-f", key.toString()).start();
    assertThat(keygen.waitFor()).isZero();
    host = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start();
    host.writeKnownHosts(keys.resolve("known_hosts"));
    inventory = """
        [web]
        web1 ansible_host=127.0.0.1 ansible_port=%d ansible_user=deploy ansible_ssh_private_key_file=%s
        """.formatted(host.port(), key);
  }

  @AfterAll
  void stopHost() throws IOException {
    host.close();
  }

  Stream<Case> cases() {
    return Stream.of(
        new Case("INI: section header without ]", Map.of("prod.ini", inventory + "[db\ndb1\n"), "/prod.ini:3: "),
        new Case("INI: unclosed quote in a host variable", Map.of("prod.ini", inventory + "[db]\ndb1 note=\"open\n"), "/prod.ini:4: "),
        new Case("INI: host range without end", Map.of("prod.ini", inventory + "[db]\ndb[1:\n"), "/prod.ini:4: "),
        new Case("INI: a host range of a billion hosts", Map.of("prod.ini", inventory + "[db]\nweb[0:999999999]\n"),
            "/prod.ini:4: bad host range in 'web[0:999999999]': it makes more than 10000 hosts"),
        new Case("INI: ansible_become_user other than root", Map.of("prod.ini", inventory.replace("ansible_user=deploy",
            "ansible_user=deploy ansible_become=true ansible_become_user=postgres")),
            "/prod.ini:2: host 'web1': ansible_become_user 'postgres' is not supported"),
        new Case("INI: ansible_become_method other than sudo", Map.of("prod.ini", inventory + "[web:vars]\nansible_become_method=su\n"),
            "/prod.ini:4: host 'web1': ansible_become_method 'su' is not supported"),
        new Case("INI: a become password", Map.of("prod.ini", inventory + "[web:vars]\nansible_become_password=s3cret\n"),
            "/prod.ini:4: host 'web1': ansible_become_password is not supported"),
        new Case("state: NUL in a command", Map.of("states/10-app.yml",
            "resources:\n  - command: \"echo a\\0b\"\n    creates: /tmp/x\n"), "states/10-app.yml:2: 'command' must not contain NUL"),
        new Case("state: a control character in a guard", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: a\n    when: \"test -e /tmp/\\e[8mhidden\"\n"),
            "states/10-app.yml:4: 'when' must not contain NUL"),
        new Case("state: a path that is not normalised", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x/../../etc/passwd\n    content: a\n"),
            "states/10-app.yml:2: 'file' must be a normalised path (no //, /./, /../ or trailing /): '/tmp/x/../../etc/passwd' is '/etc/passwd'"),
        new Case("state: a doubled slash (a second name for one file)", Map.of("states/10-app.yml",
            "resources:\n  - line: /etc//hosts\n    text: a\n"), "states/10-app.yml:2: 'line' must be a normalised path"),
        new Case("state: one file declared twice in a phase", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: a\n  - file: /tmp/x\n    id: again\n    content: b\n"),
            "states/10-app.yml:4: file /tmp/x for host web1 is already declared in phase 'main' at states/10-app.yml:2"),
        new Case("YAML: unknown top-level key", Map.of("states/10-app.yml", "resourcez: []\n"), "states/10-app.yml:1: "),
        new Case("YAML: unknown key in a resource", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    contnet: \"a\"\n"), "states/10-app.yml:3: unknown key 'contnet'"),
        new Case("YAML: duplicate key", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: a\n    content: b\n"), "states/10-app.yml:4: "),
        new Case("YAML: wrong type", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: [1, 2]\n"), "states/10-app.yml:3: "),
        new Case("YAML: syntax error", Map.of("states/10-app.yml", "resources:\n  - file: /tmp/x\n   content: \"a\n"),
            "states/10-app.yml:3: invalid YAML"),
        new Case("YAML: alias bomb", Map.of("states/10-app.yml", aliasBomb()),
            "states/10-app.yml:7: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50"),
        new Case("YAML: deep nesting", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: " + "[".repeat(200) + "]".repeat(200) + "\n"),
            "states/10-app.yml:3: invalid YAML: Nesting Depth exceeded max 40"),
        new Case("YAML: huge document", Map.of("states/10-app.yml",
            "resources:\n" + "  - file: /tmp/x\n    content: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n"),
            "states/10-app.yml:3: invalid YAML: The incoming YAML document exceeds the limit"),
        new Case("state: package name carrying shell", Map.of("states/10-app.yml",
            "resources:\n  - package: \"kamaki; touch /tmp/rel-pwned\"\n"), "states/10-app.yml:2: 'package' must be"),
        new Case("state: owner carrying shell", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: a\n    owner: \"root;id\"\n"), "states/10-app.yml:4: 'owner' must be"),
        new Case("YAML: unknown resource type", Map.of("states/10-app.yml", "resources:\n  - fiel: /tmp/x\n"),
            "states/10-app.yml:2: "),
        new Case("template: undefined variable", Map.of("templates/app.conf.ftl", "# app\n\nDB = '${db_host}'\n"),
            "templates/app.conf.ftl:3: undefined variable 'db_host' for host web1"),
        new Case("template: syntax error", Map.of("templates/app.conf.ftl", "# app\n<#if inventory_hostname == 'x'>\nA = 1\n"),
            "templates/app.conf.ftl:3: template syntax error"),
        new Case("inline template: undefined variable", Map.of("states/10-app.yml",
            "resources:\n  - file: /tmp/x\n    content: \"A = ${nope}\"\n"), "states/10-app.yml:2: undefined variable 'nope'"),
        new Case("template: a value with a line break (a root cron job injected)", Map.of("prod.ini", inventory
            + "[web:vars]\nschedule=\"17 * * * *\\n* * * * * root touch /tmp/rel-pwned\"\n", "templates/app.conf.ftl",
            "SHELL=/bin/sh\n${schedule} root true\n"), "templates/app.conf.ftl:2: template error in ${schedule}: the value has a line break"),
        new Case("template: not a cron schedule", Map.of("prod.ini", inventory + "[web:vars]\nschedule=\"17 * * * * root id\"\n",
            "templates/app.conf.ftl", "${cron_schedule(schedule)} root true\n"), "templates/app.conf.ftl:1: "),
        new Case("template: not a number for a Python setting", Map.of("prod.ini", inventory + "[web:vars]\nvms=\"2; import os\"\n",
            "templates/app.conf.ftl", "<#ftl output_format=\"Python\">\nMAX_VMS = ${py_int(vms)}\n"), "templates/app.conf.ftl:2: "),
        new Case("line: a line break in the rendered text", Map.of("prod.ini", inventory + "[web:vars]\nv=\"a\\nb\"\n",
            "states/10-app.yml", "resources:\n  - line: /tmp/x\n    text: \"A = ${v?no_esc}\"\n"),
            "states/10-app.yml:2: line:/tmp/x#A = ${v?no_esc}: the text rendered for host web1 has a line break"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exits65NamingFileAndLineAndContactsNoHost(Case bad, @TempDir Path project) throws IOException {
    Map<String, String> files = new LinkedHashMap<>(Map.of("prod.ini", inventory, "states/10-app.yml", GOOD_STATE,
        "templates/app.conf.ftl", GOOD_TEMPLATE));
    files.putAll(bad.files());
    files.forEach((name, text) -> ProjectFiles.write(project.resolve(name), text));

    ReconcileRun run = reconcile(project);

    assertThat(run.code()).as(run.toString()).isEqualTo(65);
    assertThat(run.err()).as(run.toString()).startsWith("reconcile: invalid input: ").contains(bad.location());
    assertThat(run.err().lines().count()).as("one line, no stack trace: %s", run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(host.sessionsCreated()).as("SSH sessions to the host").isZero();
    assertThat(project.resolve("report.json")).doesNotExist();
    assertThat(project.resolve("state")).doesNotExist();
  }

  @Test
  void theSameProjectWithoutTheBadInputDoesReachTheHost(@TempDir Path project) {
    ProjectFiles.write(project.resolve("prod.ini"), inventory);
    ProjectFiles.write(project.resolve("states/10-app.yml"), GOOD_STATE);
    ProjectFiles.write(project.resolve("templates/app.conf.ftl"), GOOD_TEMPLATE);
    int before = host.sessionsCreated();

    ReconcileRun run = reconcile(project, "--check");

    assertThat(run.code()).as(run.toString()).isIn(0, 2);
    assertThat(host.sessionsCreated()).isEqualTo(before + 1);
  }

  private ReconcileRun reconcile(Path project, String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--known-hosts", keys.resolve("known_hosts").toString(), "--state-dir", project.resolve("state").toString(),
        "--report-json", project.resolve("report.json").toString(), "--progress", "none"));
    args.addAll(List.of(flags));
    return ReconcileRun.of(args);
  }

  /** "Billion laughs": nine levels of nine aliases each, 9^9 strings if a parser expanded them. */
  private static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (int level = 1; level < 9; level++) {
      String previous = "*a" + (level - 1);
      yaml.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
    }
    return yaml.append("resources: []\n").toString();
  }
}
