package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetHost;
import io.reconcile.fleet.FleetSpec;
import io.reconcile.testing.FleetTest;
import io.reconcile.testing.SshAgentProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The habits operators bring from Ansible, on a fleet whose hosts publish no port: only bastion1 has one on
 * 127.0.0.1, and the hosts are reached by name through it, as an operator's ~/.ssh/config says
 * (ProxyJump). The inventory has no connection variables at all. One bastion session serves every host;
 * host keys are checked for the bastion and for each host behind it; the key can live in a real ssh-agent
 * alone; ansible_ssh_common_args' ProxyJump reaches the hosts too; ansible.cfg is found as Ansible finds it,
 * with inventory over it and it over the ssh config; a YAML inventory does what its INI twin does; a saved
 * plan applies unchanged, and is refused on the host edited after it while the others apply.
 */
@FleetTest(release = "0.13", cyclades = 0, pithos = 0, ganeti = 2, users = 10, bastion = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorHabitsOnFleetTest {
  private static final String MARKER = "/var/lib/reconcile-bastion-marker";

  @TempDir static Path project;
  private Fleet fleet;

  @BeforeAll
  void writeProject(Fleet fleet) throws IOException {
    this.fleet = fleet;
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    // The command takes a while on every host at once, so the bastion's connections can be counted.
    Files.writeString(project.resolve("states/10-marker.yml"), """
        resources:
          - command: sleep 3; touch %s
            id: marker
            creates: %s
        """.formatted(MARKER, MARKER));
    Files.copy(fleet.inventory(), project.resolve("prod.ini"));
  }

  private ReconcileRun reconcile(Path sshConfig, String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", project.resolve("prod.ini").toString(),
        "--ssh-config", sshConfig.toString(), "--format", "json", "--progress", "none"));
    args.addAll(List.of(flags));
    return ReconcileRun.of(args);
  }

  @Test
  @Order(1)
  void hostsPublishNoPortAndOpenSshReachesThemOnlyThroughTheBastion() {
    assertThat(fleet.hosts()).noneMatch(FleetHost::published);
    assertThat(fleet.bastion()).isPresent();
    assertThat(fleet.ssh("ganeti2", "hostname").stdoutText()).isEqualTo("ganeti2\n");
  }

  @Test
  @Order(2)
  void checkAndApplyGoThroughOneBastionSessionSharedByEveryHost() throws Exception {
    ReconcileRun check = reconcile(fleet.sshConfig(), "--check");
    assertThat(check.code()).as(check.toString()).isEqualTo(2);
    assertThat(check.idsWithStatus("drift").values()).allSatisfy(ids -> assertThat(ids)
        .containsExactly("command:marker"));

    AtomicInteger most = new AtomicInteger();
    CompletableFuture<ReconcileRun> apply = CompletableFuture.supplyAsync(() -> reconcile(fleet.sshConfig()));
    while (!apply.isDone()) {
      most.accumulateAndGet(sshConnectionsOnBastion(), Math::max);
      Thread.sleep(200);
    }
    ReconcileRun applied = apply.get();
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(applied.idsWithStatus("changed").values()).hasSize(3)
        .allSatisfy(ids -> assertThat(ids).containsExactly("command:marker"));
    assertThat(most.get()).as("SSH connections the bastion had at once while 3 hosts worked").isEqualTo(1);
    for (FleetHost host : fleet.hosts()) {
      assertThat(fleet.exec(host.name(), "test", "-e", MARKER).exitStatus()).isZero();
    }
  }

  @Test
  @Order(3)
  void changedHostKeyOfAHostBehindTheBastionFailsThatHostAlone() throws IOException {
    Path knownHosts = project.resolve("known_hosts_tampered");
    String astakosKey = fleet.host("astakos1").hostKey();
    Files.writeString(knownHosts, Files.readString(fleet.knownHosts()).replace(
        "ganeti1 " + fleet.host("ganeti1").hostKey(), "ganeti1 " + astakosKey));
    Path config = project.resolve("ssh_config_tampered");
    Files.writeString(config, Files.readString(fleet.sshConfig()).replace(fleet.knownHosts().toString(),
        knownHosts.toString()));

    ReconcileRun check = reconcile(config, "--check");

    assertThat(check.code()).as(check.toString()).isEqualTo(4);
    assertThat(check.statuses()).containsOnlyKeys("astakos1", "ganeti1", "ganeti2");
    assertThat(check.out()).contains("host key for ganeti1 has CHANGED");
    assertThat(check.json().get("summary").get("unreachable").asInt()).isEqualTo(1);
    assertThat(check.json().get("summary").get("ok").asInt()).isEqualTo(2);
  }

  @Test
  @Order(4)
  void keyHeldOnlyByARunningSshAgentLogsInThroughTheBastion() throws Exception {
    Path keyCopy = project.resolve("agent_only_key");
    Files.copy(fleet.privateKey(), keyCopy);
    try (SshAgentProcess agent = SshAgentProcess.start(project.resolve("agent.sock"))) {
      agent.add(keyCopy);
      Files.delete(keyCopy);
      Path config = project.resolve("ssh_config_agent");
      Files.writeString(config, Files.readString(fleet.sshConfig())
          .replace("  IdentityFile " + fleet.privateKey() + "\n  IdentitiesOnly yes\n",
              "  IdentityAgent " + agent.socket() + "\n"));
      assertThat(Files.readString(config)).doesNotContain("IdentityFile");

      fleet.run("ganeti1", "rm", MARKER);
      ReconcileRun apply = reconcile(config);

      assertThat(apply.code()).as(apply.toString()).isZero();
      assertThat(apply.idsWithStatus("changed").get("ganeti1")).containsExactly("command:marker");
    }
  }

  @Test
  @Order(5)
  void ansibleSshCommonArgsProxyJump() throws IOException {
    int bastionPort = fleet.bastion().orElseThrow().sshPort();
    // As with ssh: the inventory's key is the host's; the bastion's own comes from the client configuration.
    Path config = project.resolve("ssh_config_bastion_key");
    Files.writeString(config, "Host 127.0.0.1\n  IdentityFile " + fleet.privateKey() + "\n");
    Files.writeString(project.resolve("common-args.ini"), Files.readString(fleet.inventory()) + """

        [all:vars]
        ansible_user=root
        ansible_ssh_private_key_file=%s
        ansible_ssh_common_args='-o ProxyJump=root@127.0.0.1:%d'
        """.formatted(fleet.privateKey(), bastionPort));
    ReconcileRun check = ReconcileRun.of("--inventory", project.resolve("common-args.ini").toString(),
        "--ssh-config", config.toString(), "--known-hosts", fleet.knownHosts().toString(), "--check",
        "--format", "json",
        "--progress", "none");

    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.json().get("summary").get("ok").asInt()).isEqualTo(3);
  }

  @Test
  @Order(6)
  void ansibleCfgFoundAsAnsibleFindsItWithInventoryOverItAndItOverTheSshConfig() throws Exception {
    // The ssh config names a user that may not log in; ansible.cfg's remote_user and key win over it; the
    // inventory's ansible_user wins over ansible.cfg (ganeti2: refused); a flag wins over everything. The
    // bastion has its own user and key in the ssh config (as with ssh, the host's options are not its).
    Path site = Files.createDirectories(project.resolve("site"));
    Files.writeString(site.resolve("ssh_config"), Files.readString(fleet.sshConfig())
        .replace("  User root\n", "  User nobody\n")
        .replace("Host " + FleetSpec.BASTION + "\n", "Host " + FleetSpec.BASTION + "\n  User root\n  IdentityFile "
            + fleet.privateKey() + "\n")
        .replace("  IdentityFile " + fleet.privateKey() + "\n  IdentitiesOnly yes\n", "  IdentityAgent none\n"));
    String inventory = Files.readString(fleet.inventory());
    Files.writeString(site.resolve("fleet.ini"), inventory.replace("\nganeti2\n", "\nganeti2 ansible_user=nobody\n"));
    Files.writeString(site.resolve("plain.ini"), inventory);
    Files.writeString(site.resolve("ansible.cfg"), """
        [defaults]
        inventory = fleet.ini
        remote_user = root
        private_key_file = %s
        forks = 2
        timeout = 20
        [ssh_connection]
        ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -F ssh_config
        [reconcile]
        states = ../states
        templates = ../templates
        """.formatted(fleet.privateKey()));

    ChildRun found = ChildRun.of(site, Map.of(), "--check", "--format", "json", "--progress", "none");
    assertThat(found.code()).as(found.toString()).isEqualTo(4);
    assertThat(found.out()).contains("permission denied (publickey) for nobody@ganeti2");
    assertThat(found.json().get("summary").get("ok").asInt()).isEqualTo(2);

    ChildRun flagWins = ChildRun.of(project, Map.of("ANSIBLE_CONFIG", site.resolve("ansible.cfg").toString()),
        "--inventory", site.resolve("plain.ini").toString(), "--check", "--format", "json", "--progress", "none");
    assertThat(flagWins.code()).as(flagWins.toString()).isZero();
    assertThat(flagWins.json().get("summary").get("ok").asInt()).isEqualTo(3);
  }

  @Test
  @Order(7)
  void yamlTwinOfTheFleetInventoryReachesTheSameHostsWithTheSameResult() throws IOException {
    StringBuilder yaml = new StringBuilder("all:\n  children:\n");
    for (String group : List.of("astakos", "ganeti")) {
      yaml.append("    ").append(group).append(":\n      hosts:\n");
      fleet.hosts().stream().filter(h -> h.role().group().equals(group))
          .forEach(h -> yaml.append("        ").append(h.name()).append(":\n"));
    }
    Path twin = project.resolve("fleet.yml");
    Files.writeString(twin, yaml.toString());
    Path ini = project.resolve("fleet-hosts.ini");
    Files.writeString(ini, "[astakos]\nastakos1\n[ganeti]\nganeti1\nganeti2\n");

    ReconcileRun fromIni = ReconcileRun.of("--inventory", ini.toString(), "--ssh-config", fleet.sshConfig().toString(),
        "--states", project.resolve("states").toString(), "--check", "--format", "json", "--progress", "none");
    ReconcileRun fromYaml = ReconcileRun.of("--inventory", twin.toString(),
        "--ssh-config", fleet.sshConfig().toString(),
        "--states", project.resolve("states").toString(), "--check", "--format", "json", "--progress", "none");

    assertThat(fromYaml.code()).as(fromYaml.toString()).isEqualTo(fromIni.code()).isZero();
    assertThat(fromYaml.statuses()).isEqualTo(fromIni.statuses()).containsOnlyKeys("astakos1", "ganeti1", "ganeti2");
  }

  @Test
  @Order(8)
  void savedPlanAppliesUnchangedAndIsRefusedOnTheHostEditedAfterItWhileTheOthersApply() throws IOException {
    Files.writeString(project.resolve("states/20-motd.yml"), """
        resources:
          - file: /etc/reconcile-motd
            content: "managed by reconcile on ${inventory_hostname}\\n"
            mode: "0644"
        """);
    Path plan = project.resolve("motd.plan.json");
    ReconcileRun check = reconcile(fleet.sshConfig(), "--check", "--plan-out", plan.toString());
    assertThat(check.code()).as(check.toString()).isEqualTo(2);
    ReconcileRun applied = ReconcileRun.of("apply", plan.toString(), "--ssh-config", fleet.sshConfig().toString(),
        "--format", "json", "--progress", "none");
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(applied.idsWithStatus("changed").values()).hasSize(3)
        .allSatisfy(ids -> assertThat(ids).containsExactly("file:/etc/reconcile-motd"));

    for (FleetHost host : fleet.hosts()) {
      fleet.run(host.name(), "sh", "-c", "echo old > /etc/reconcile-motd");
    }
    ReconcileRun again = reconcile(fleet.sshConfig(), "--check", "--plan-out", plan.toString());
    assertThat(again.code()).as(again.toString()).isEqualTo(2);
    fleet.run("ganeti1", "sh", "-c", "echo edited after the review > /etc/reconcile-motd");

    ReconcileRun refused = ReconcileRun.of("apply", plan.toString(), "--ssh-config", fleet.sshConfig().toString(),
        "--format", "json", "--progress", "none");

    assertThat(refused.code()).as(refused.toString()).isEqualTo(65);
    assertThat(refused.out()).contains("plan is stale for ganeti1: file /etc/reconcile-motd changed");
    assertThat(refused.statuses().get("astakos1")).containsEntry("file:/etc/reconcile-motd", "changed");
    assertThat(refused.statuses().get("ganeti2")).containsEntry("file:/etc/reconcile-motd", "changed");
    assertThat(fleet.exec("ganeti1", "cat", "/etc/reconcile-motd").stdoutText()).isEqualTo("edited after the review\n");
    assertThat(fleet.exec("ganeti2", "cat", "/etc/reconcile-motd").stdoutText())
        .isEqualTo("managed by reconcile on ganeti2\n");
  }

  /** Established TCP connections to the bastion's sshd (port 22), from its kernel's table. */
  private int sshConnectionsOnBastion() {
    String table = fleet.execOnBastion("cat", "/proc/net/tcp", "/proc/net/tcp6").stdoutText();
    return (int) table.lines().map(String::strip).map(l -> l.split("\\s+"))
        .filter(f -> f.length > 3 && f[1].endsWith(":0016") && f[3].equals("01"))
        .count();
  }
}
