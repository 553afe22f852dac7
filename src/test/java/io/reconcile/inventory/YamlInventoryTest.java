package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ansible's YAML inventory format, read with SnakeYAML: pairs of equivalent INI and YAML files give the
 * same hosts (names, variables after precedence, groups, connection) and the same groups.
 */
class YamlInventoryTest {
  @TempDir Path dir;

  private Inventory parse(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return new InventoryParser().parse(file);
  }

  private static void assertTwins(Inventory ini, Inventory yaml) {
    assertThat(yaml.hosts()).as("hosts").containsExactlyElementsOf(ini.hosts());
    assertThat(yaml.groups()).as("groups").isEqualTo(ini.groups());
  }

  @Test
  void ansibleGuidesExampleInBothFormats() throws IOException {
    Inventory ini = parse("guide.ini", """
        mail.example.com

        [webservers]
        foo.example.com
        bar.example.com

        [dbservers]
        one.example.com
        two.example.com
        three.example.com
        """);
    Inventory yaml = parse("guide.yml", """
        all:
          hosts:
            mail.example.com:
          children:
            webservers:
              hosts:
                foo.example.com:
                bar.example.com:
            dbservers:
              hosts:
                one.example.com:
                two.example.com:
                three.example.com:
        """);
    assertTwins(ini, yaml);
    assertThat(yaml.group("ungrouped").orElseThrow().hosts()).containsExactly("mail.example.com");
  }

  @Test
  void rangesPortsNestedChildrenVariablesAndPriority() throws IOException {
    Inventory ini = parse("site.ini", """
        [web]
        www[01:03].example.com http_port=80
        db-[a:c].example.com:2222 ansible_user=dbadmin

        [prod:children]
        web

        [prod:vars]
        ansible_user=deploy
        env=production
        ansible_ssh_common_args='-o ProxyJump=ops@gw.example.com'

        [web:vars]
        ansible_group_priority=5
        env=web-production
        ntp=0.pool.ntp.org

        [all:vars]
        ntp=ntp.example.com
        """);
    Inventory yaml = parse("site.yaml", """
        all:
          children:
            prod:
              children:
                web:
                  hosts:
                    www[01:03].example.com:
                      http_port: 80
                    db-[a:c].example.com:2222:
                      ansible_user: dbadmin
                  vars:
                    ansible_group_priority: 5
                    env: web-production
                    ntp: 0.pool.ntp.org
              vars:
                ansible_user: deploy
                env: production
                ansible_ssh_common_args: -o ProxyJump=ops@gw.example.com
          vars:
            ntp: ntp.example.com
        """);
    assertTwins(ini, yaml);
    InventoryHost dbB = yaml.host("db-b.example.com").orElseThrow();
    assertThat(dbB.connection().port()).contains(2222);
    assertThat(dbB.connection().user()).contains("dbadmin");
    assertThat(dbB.connection().proxyJump()).contains("ops@gw.example.com");
    assertThat(yaml.host("www02.example.com").orElseThrow().vars())
        .containsEntry("http_port", "80").containsEntry("env", "web-production").containsEntry("ntp", "0.pool.ntp.org");
  }

  @Test
  void theBundlesInventoryInBothFormats() {
    Path bundle = Path.of("inventory");
    InventoryParser parser = new InventoryParser();
    assertTwins(parser.parse(bundle.resolve("prod.ini")), parser.parse(bundle.resolve("prod.yml")));
  }

  @Test
  void badValuesAndUnknownKeysAreReportedAtTheirLine() throws IOException {
    Path port = dir.resolve("port.yml");
    Files.writeString(port, "all:\n  hosts:\n    web1:\n      ansible_port: http\n");
    assertThatThrownBy(() -> new InventoryParser().parse(port))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).describe())
            .isEqualTo(port + ":4: host 'web1': ansible_port 'http' is not a port number: expected 1-65535"));

    Path typo = dir.resolve("typo.yml");
    Files.writeString(typo, "all:\n  children:\n    web:\n      host:\n        web1:\n");
    assertThatThrownBy(() -> new InventoryParser().parse(typo))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(4))
        .hasMessageContaining("unknown key 'host' (did you mean 'hosts'?)");

    Path list = dir.resolve("list.yml");
    Files.writeString(list, "all:\n  vars:\n    ntp:\n      - a\n      - b\n");
    assertThatThrownBy(() -> new InventoryParser().parse(list))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(4))
        .hasMessageContaining("variable 'ntp' is a list or mapping");
  }
}
