package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INI examples of Ansible's "How to build your inventory" guide and of the ini inventory
 * plugin's documentation, with what those documents say each one means.
 */
class AnsibleDocumentedExamplesTest {
  @TempDir Path dir;

  private Inventory parse(String text) throws IOException {
    Path file = dir.resolve("hosts");
    Files.writeString(file, text);
    return new InventoryParser().parse(file);
  }

  private static InventoryHost host(Inventory inventory, String name) {
    return inventory.host(name).orElseThrow();
  }

  @Test
  void basicInventoryWithDefaultGroups() throws IOException {
    Inventory inventory = parse("""
        mail.example.com

        [webservers]
        foo.example.com
        bar.example.com

        [dbservers]
        one.example.com
        two.example.com
        three.example.com
        """);

    assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly(
        "mail.example.com", "foo.example.com", "bar.example.com",
        "one.example.com", "two.example.com", "three.example.com");
    assertThat(inventory.groups().keySet()).containsExactly("all", "ungrouped", "webservers", "dbservers");
    // "the host mail.example.com belongs to the all group and the ungrouped group; the host
    // two.example.com belongs to the all group and the dbservers group"
    assertThat(host(inventory, "mail.example.com").groups()).containsExactly("all", "ungrouped");
    assertThat(host(inventory, "two.example.com").groups()).containsExactly("all", "dbservers");
    assertThat(inventory.group("ungrouped").orElseThrow().hosts()).containsExactly("mail.example.com");
    assertThat(inventory.group("all").orElseThrow().children()).containsExactly("ungrouped", "webservers", "dbservers");
    assertThat(inventory.hostNamesOf("all")).hasSize(6);
  }

  @Test
  void hostVariablesInline() throws IOException {
    Inventory inventory = parse("""
        [atlanta]
        host1 http_port=80 maxRequestsPerChild=808
        host2 http_port=303 maxRequestsPerChild=909
        """);

    assertThat(host(inventory, "host1").vars()).containsExactlyInAnyOrderEntriesOf(
        Map.of("http_port", "80", "maxRequestsPerChild", "808"));
    assertThat(host(inventory, "host2").vars())
        .containsEntry("http_port", "303").containsEntry("maxRequestsPerChild", "909");
  }

  @Test
  void nonStandardPortAfterTheHostName() throws IOException {
    Inventory inventory = parse("badwolf.example.com:5309\n");

    InventoryHost badwolf = host(inventory, "badwolf.example.com");
    assertThat(badwolf.vars()).containsEntry("ansible_port", "5309");
    assertThat(badwolf.connection().port()).contains(5309);
    assertThat(badwolf.connection().host()).isEqualTo("badwolf.example.com");
  }

  @Test
  void connectionVariablesAsHostVariables() throws IOException {
    Inventory inventory = parse("""
        [targets]

        localhost              ansible_connection=local
        other1.example.com     ansible_connection=ssh        ansible_user=myuser
        other2.example.com     ansible_connection=ssh        ansible_user=myotheruser
        """);

    assertThat(host(inventory, "localhost").vars()).containsEntry("ansible_connection", "local");
    assertThat(host(inventory, "other1.example.com").connection().user()).contains("myuser");
    assertThat(host(inventory, "other2.example.com").connection().user()).contains("myotheruser");
    assertThat(host(inventory, "localhost").connection().user()).isEmpty(); // ssh's default: the local user
  }

  @Test
  void inventoryAliasConnectsToAnsibleHostAndPort() throws IOException {
    Inventory inventory = parse("jumper ansible_port=5555 ansible_host=192.0.2.50\n");

    // "running Ansible against the host alias jumper will connect to 192.0.2.50 on port 5555"
    ConnectionSettings jumper = host(inventory, "jumper").connection();
    assertThat(jumper.host()).isEqualTo("192.0.2.50");
    assertThat(jumper.port()).contains(5555);
  }

  @Test
  void behavioralParameterExamples() throws IOException {
    Inventory inventory = parse("""
        some_host         ansible_port=2222     ansible_user=manager
        aws_host          ansible_ssh_private_key_file=/home/example/.ssh/aws.pem
        freebsd_host      ansible_python_interpreter=/usr/local/bin/python
        ruby_module_host  ansible_ruby_interpreter=/usr/bin/ruby.1.9.3
        """);

    assertThat(host(inventory, "some_host").connection())
        .isEqualTo(new ConnectionSettings("some_host", java.util.Optional.of(2222), java.util.Optional.of("manager"),
            java.util.Optional.empty(), false, java.util.Optional.empty()));
    assertThat(host(inventory, "aws_host").connection().privateKeyFile())
        .contains(Path.of("/home/example/.ssh/aws.pem"));
    assertThat(host(inventory, "freebsd_host").vars())
        .containsEntry("ansible_python_interpreter", "/usr/local/bin/python");
    assertThat(host(inventory, "ruby_module_host").vars())
        .containsEntry("ansible_ruby_interpreter", "/usr/bin/ruby.1.9.3");
  }

  @Test
  void groupVariables() throws IOException {
    Inventory inventory = parse("""
        [atlanta]
        host1
        host2

        [atlanta:vars]
        ntp_server=ntp.atlanta.example.com
        proxy=proxy.atlanta.example.com
        """);

    for (String name : new String[] {"host1", "host2"}) {
      assertThat(host(inventory, name).vars()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "ntp_server", "ntp.atlanta.example.com", "proxy", "proxy.atlanta.example.com"));
    }
    assertThat(inventory.group("atlanta").orElseThrow().vars()).containsKeys("ntp_server", "proxy");
  }

  private static final String GROUPS_OF_GROUPS = """
      [atlanta]
      host1
      host2

      [raleigh]
      host2
      host3

      [southeast:children]
      atlanta
      raleigh

      [southeast:vars]
      some_server=foo.southeast.example.com
      halon_system_timeout=30
      self_destruct_countdown=60
      escape_pods=2

      [usa:children]
      southeast
      northeast
      southwest
      northwest
      """;

  @Test
  void groupsOfGroupsAsPrintedNameUndeclaredChildren() {
    // The guide's snippet lists northeast, southwest and northwest as children without declaring
    // them; Ansible's ini plugin rejects that ("includes undefined group"), and so do we.
    assertThatThrownBy(() -> parse(GROUPS_OF_GROUPS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.describe()).isEqualTo(
            dir.resolve("hosts") + ":21: [usa:children] names group 'northeast', which is never declared:"
                + " expected a [northeast] or [northeast:children] section"));
  }

  @Test
  void groupsOfGroupsInheritVariablesAndMembers() throws IOException {
    Inventory inventory = parse(GROUPS_OF_GROUPS + "[northeast]\n[southwest]\n[northwest]\n");

    // "Any host that is a member of a child group is automatically a member of the parent group."
    assertThat(host(inventory, "host2").groups()).containsExactly("all", "atlanta", "raleigh", "southeast", "usa");
    assertThat(host(inventory, "host3").groups()).containsExactly("all", "raleigh", "southeast", "usa");
    assertThat(inventory.hostNamesOf("usa")).containsExactly("host1", "host2", "host3");
    assertThat(inventory.hostNamesOf("northeast")).isEmpty();
    // "Hosts can also be in multiple groups, but there will only be one instance of a host"
    assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("host1", "host2", "host3");
    for (InventoryHost host : inventory.hosts()) {
      assertThat(host.vars()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "some_server", "foo.southeast.example.com", "halon_system_timeout", "30",
          "self_destruct_countdown", "60", "escape_pods", "2"));
    }
  }

  @Test
  void rangesOfHosts() throws IOException {
    Inventory inventory = parse("""
        [webservers]
        www[01:50].example.com

        [stride]
        www[01:50:2].example.com

        [databases]
        db-[a:f].example.com
        """);

    assertThat(inventory.group("webservers").orElseThrow().hosts())
        .hasSize(50).startsWith("www01.example.com").endsWith("www50.example.com");
    // "would make the subdomains www01, www03, www05, ..., www49 match, but not www00, www02, www50"
    assertThat(inventory.group("stride").orElseThrow().hosts())
        .hasSize(25).startsWith("www01.example.com", "www03.example.com").endsWith("www49.example.com")
        .doesNotContain("www00.example.com", "www02.example.com", "www50.example.com");
    assertThat(inventory.group("databases").orElseThrow().hosts()).containsExactly(
        "db-a.example.com", "db-b.example.com", "db-c.example.com",
        "db-d.example.com", "db-e.example.com", "db-f.example.com");
    assertThat(host(inventory, "www03.example.com").groups()).containsExactly("all", "stride", "webservers");
  }

  @Test
  void childGroupOverridesParentAndSameLevelGroupsMergeInAsciiOrder() throws IOException {
    // "an a_group will be merged with b_group and b_group vars that match will overwrite the ones in a_group"
    Inventory inventory = parse("""
        [a_group]
        host1
        [b_group]
        host1
        [a_group:vars]
        testvar=a
        [b_group:vars]
        testvar=b
        """);
    assertThat(host(inventory, "host1").vars()).containsEntry("testvar", "b");
  }

  @Test
  void groupPriorityChangesSameLevelMergeOrder() throws IOException {
    // The guide's ansible_group_priority example, written as INI.
    Inventory inventory = parse("""
        [a_group]
        host1
        [b_group]
        host1
        [a_group:vars]
        testvar=a
        ansible_group_priority=10
        [b_group:vars]
        testvar=b
        """);
    assertThat(host(inventory, "host1").vars()).containsEntry("testvar", "a").doesNotContainKey("ansible_group_priority");
    assertThat(inventory.group("a_group").orElseThrow().priority()).isEqualTo(10);
    assertThat(inventory.group("b_group").orElseThrow().priority()).isEqualTo(1);
  }

  @Test
  void iniPluginExampleOne() throws IOException {
    Inventory inventory = parse("""
        [web]
        host1
        host2 ansible_port=222 # defined inline, interpreted as an integer

        [web:vars]
        http_port=8080 # all members of 'web' will inherit these
        myvar=23 # defined in a :vars section, interpreted as a string

        [web:children] # child groups will automatically add their hosts to parent group
        apache
        nginx

        [apache]
        tomcat1
        tomcat2 myvar=34 # host specific vars override group vars
        tomcat3 mysecret="'03#pa33w0rd'" # proper quoting to prevent value changes

        [nginx]
        jenkins1

        [nginx:vars]
        has_java = True # vars in child groups override same in parent

        [all:vars]
        has_java = False # 'all' is 'top' parent
        """);

    assertThat(host(inventory, "host2").connection().port()).contains(222);
    assertThat(host(inventory, "tomcat1").vars()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "has_java", "False", "http_port", "8080", "myvar", "23"));
    assertThat(host(inventory, "tomcat2").vars()).containsEntry("myvar", "34");
    assertThat(host(inventory, "tomcat3").vars()).containsEntry("mysecret", "03#pa33w0rd");
    assertThat(host(inventory, "jenkins1").vars())
        .containsEntry("has_java", "True").containsEntry("http_port", "8080");
    assertThat(host(inventory, "jenkins1").groups()).containsExactly("all", "nginx", "web");
    assertThat(inventory.hostNamesOf("web"))
        .containsExactly("host1", "host2", "tomcat1", "tomcat2", "tomcat3", "jenkins1");
  }

  @Test
  void iniPluginExampleTwo() throws IOException {
    Inventory inventory = parse("""
        host1 # this is 'ungrouped'

        # both hosts have same IP but diff ports, also 'ungrouped'
        host2 ansible_host=127.0.0.1 ansible_port=44
        host3 ansible_host=127.0.0.1 ansible_port=45

        [g1]
        host4

        [g2]
        host4 # same host as above, but member of 2 groups, will inherit vars from both
              # inventory hostnames are unique
        """);

    assertThat(inventory.group("ungrouped").orElseThrow().hosts()).containsExactly("host1", "host2", "host3");
    assertThat(host(inventory, "host2").connection().host()).isEqualTo("127.0.0.1");
    assertThat(host(inventory, "host3").connection().port()).contains(45);
    assertThat(host(inventory, "host4").groups()).containsExactly("all", "g1", "g2");
    assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("host1", "host2", "host3", "host4");
  }
}
