package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
  @TempDir Path dir;

  private Inventory parse(String text) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("site"));
    Path file = sub.resolve("hosts.ini");
    Files.writeString(file, text);
    return new InventoryParser().parse(file);
  }

  private ConnectionSettings connectionOf(String text) throws IOException {
    return parse(text).hosts().get(0).connection();
  }

  @Test
  void withoutConnectionVariablesOnlyTheNameIsSetTheRestIsLeftToSsh() throws IOException {
    assertThat(connectionOf("[web]\nweb1.example.org\n")).isEqualTo(new ConnectionSettings("web1.example.org",
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty()));
  }

  @Test
  void valuesComeFromGroupsAndHostsWithPrecedence() throws IOException {
    ConnectionSettings web1 = connectionOf("""
        [web]
        web1 ansible_host=10.0.0.5
        [web:vars]
        ansible_user=deploy
        ansible_port=2222
        ansible_become=yes
        [all:vars]
        ansible_user=root
        """);
    assertThat(web1).isEqualTo(new ConnectionSettings("10.0.0.5", Optional.of(2222), Optional.of("deploy"),
        Optional.empty(), true, Optional.empty()));
  }

  @Test
  void relativeKeyFileResolvesAgainstTheInventoryDirectory() throws IOException {
    ConnectionSettings web1 = connectionOf("web1 ansible_ssh_private_key_file=keys/id_ed25519\n");
    assertThat(web1.privateKeyFile()).contains(dir.resolve("site/keys/id_ed25519").toAbsolutePath());
  }

  @Test
  void absoluteAndHomeRelativeKeyFiles() throws IOException {
    assertThat(connectionOf("web1 ansible_ssh_private_key_file=/etc/reconcile/id\n").privateKeyFile())
        .contains(Path.of("/etc/reconcile/id"));
    assertThat(connectionOf("web1 ansible_ssh_private_key_file=~/.ssh/id\n").privateKeyFile())
        .contains(Path.of(System.getProperty("user.home"), ".ssh/id"));
    assertThat(connectionOf("web1 ansible_ssh_private_key_file=../shared/id\n").privateKeyFile())
        .contains(dir.resolve("shared/id").toAbsolutePath());
  }

  @Test
  void olderAliasesWorkAndTheLaterAliasWinsAsInAnsiblesSshPlugin() throws IOException {
    assertThat(connectionOf("web1 ansible_ssh_host=10.0.0.9 ansible_ssh_port=2200 ansible_ssh_user=admin"
        + " ansible_private_key_file=/k1\n"))
        .isEqualTo(new ConnectionSettings("10.0.0.9", Optional.of(2200), Optional.of("admin"),
            Optional.of(Path.of("/k1")), false, Optional.empty()));
    assertThat(connectionOf("web1 ansible_host=10.0.0.1 ansible_ssh_host=10.0.0.2"
        + " ansible_private_key_file=/k1 ansible_ssh_private_key_file=/k2\n"))
        .extracting(ConnectionSettings::host, ConnectionSettings::privateKeyFile)
        .containsExactly("10.0.0.2", Optional.of(Path.of("/k2")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "Yes", "y", "true", "True", "TRUE", "t", "on", "1", "1.0", "'yes'"})
  void truthyBecomeValues(String value) throws IOException {
    assertThat(connectionOf("web1 ansible_become=" + value + "\n").become()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "n", "false", "False", "f", "off", "0", "0.0"})
  void falsyBecomeValues(String value) throws IOException {
    assertThat(connectionOf("web1 ansible_become=" + value + "\n").become()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"'-o ProxyJump=ops@gw.example.org:2201'", "'-J ops@gw.example.org:2201'",
      "'-o ProxyCommand=\"ssh -W %h:%p -q -p 2201 ops@gw.example.org\"'",
      "'-o ControlMaster=auto -o ControlPersist=60s -o ProxyJump=ops@gw.example.org:2201'"})
  void bastionOfAnsibleSshCommonArgs(String args) throws IOException {
    assertThat(connectionOf("web1 ansible_ssh_common_args=" + args + "\n").proxyJump())
        .contains("ops@gw.example.org:2201");
  }

  @Test
  void otherSshCommonArgsAreRefusedAtTheirLine() throws IOException {
    Path file = dir.resolve("args.ini");
    Files.writeString(file, "[web]\nweb1\n[web:vars]\nansible_ssh_common_args='-o StrictHostKeyChecking=no'\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InventoryParser().parse(file))
        .isInstanceOf(io.reconcile.input.InvalidInputException.class)
        .hasMessageContaining("-o StrictHostKeyChecking=no is not supported")
        .satisfies(e -> assertThat(((io.reconcile.input.InvalidInputException) e).line()).isEqualTo(4));
  }
}
