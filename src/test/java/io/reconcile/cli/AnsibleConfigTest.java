package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ansible.cfg: where Ansible finds it, and the keys reconcile takes from it (parsed with ini4j). */
class AnsibleConfigTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void keysOfDefaultsSshConnectionAndReconcile() throws IOException {
    AnsibleConfig cfg = AnsibleConfig.read(write("site/ansible.cfg", """
        # operators' ansible.cfg
        [defaults]
        inventory = inventories/prod.yml,other.ini
        remote_user = deploy
        remote_port = 2222
        private_key_file = ~/.ssh/synnefo
        forks = 20 ; inline comment, as configparser takes it
        timeout = 25
        host_key_checking = False
        roles_path = ./roles
        [ssh_connection]
        ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -F ssh/config
        ssh_common_args = -o ProxyJump=ops@gw.example.org
        [reconcile]
        states = ../bundle/states
        export_dir = /srv/exports
        """));

    Path site = dir.resolve("site");
    assertThat(cfg.inventory()).contains(site.resolve("inventories/prod.yml"));
    assertThat(cfg.remoteUser()).contains("deploy");
    assertThat(cfg.remotePort()).contains(2222);
    assertThat(cfg.privateKeyFile()).contains(Path.of(System.getProperty("user.home"), ".ssh/synnefo"));
    assertThat(cfg.forks()).contains(20);
    assertThat(cfg.timeout()).contains(25);
    assertThat(cfg.hostKeyChecking()).contains(false);
    assertThat(cfg.sshConfig()).contains(site.resolve("ssh/config"));
    assertThat(cfg.proxyJump()).contains("ops@gw.example.org");
    assertThat(cfg.reconcilePath("states")).contains(dir.resolve("bundle/states"));
    assertThat(cfg.reconcilePath("export_dir")).contains(Path.of("/srv/exports"));
  }

  @Test
  void badValuesAreReportedAtTheirLine() throws IOException {
    Path file = write("ansible.cfg", "[defaults]\nremote_user = x\nforks = many\n");
    assertThatThrownBy(() -> AnsibleConfig.read(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).describe())
            .isEqualTo(file + ":3: [defaults] forks = 'many' is not valid: expected a whole number of at least 1"));
    Path args = write("args.cfg", "[ssh_connection]\n\nssh_args = -o StrictHostKeyChecking=no\n");
    assertThatThrownBy(() -> AnsibleConfig.read(args))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(3))
        .hasMessageContaining("-o StrictHostKeyChecking=no is not supported");
  }

  @Test
  void unknownReconcileKeySuggestsTheNearestValidOne() throws IOException {
    Path file = write("ansible.cfg", "[reconcile]\nstates = s\nknown_host = kh\n");
    assertThatThrownBy(() -> AnsibleConfig.read(file))
        .satisfies(e -> assertThat(((InvalidInputException) e).describe()).startsWith(file
            + ":3: unknown key 'known_host' in [reconcile] (did you mean 'known_hosts'?)"));
  }

  @Test
  void foundAsAnsibleFindsIt() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path cwd = Files.createDirectories(dir.resolve("work"));
    assertThat(AnsibleConfigLocator.find(Map.of(), cwd, home)).isEmpty();

    Path user = write("home/.ansible.cfg", "[defaults]\n");
    assertThat(AnsibleConfigLocator.find(Map.of(), cwd, home)).contains(user);

    Path local = write("work/ansible.cfg", "[defaults]\n");
    assertThat(AnsibleConfigLocator.find(Map.of(), cwd, home)).contains(local);

    Path named = write("elsewhere/custom.cfg", "[defaults]\n");
    assertThat(AnsibleConfigLocator.find(Map.of("ANSIBLE_CONFIG", named.toString()), cwd, home)).contains(named);
    Path inDir = write("elsewhere/ansible.cfg", "[defaults]\n");
    assertThat(AnsibleConfigLocator.find(Map.of("ANSIBLE_CONFIG", inDir.getParent().toString()), cwd, home))
        .contains(inDir);

    // Ansible ignores ./ansible.cfg in a world-writable directory (anyone could have put it there).
    Files.setPosixFilePermissions(cwd, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(AnsibleConfigLocator.find(Map.of(), cwd, home)).contains(user);
  }
}
