package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group structure and variable precedence rules beyond the documented examples. */
class InventoryStructureTest {
  @TempDir Path dir;

  private Inventory parse(String text) throws IOException {
    Path file = dir.resolve("inventory.ini");
    Files.writeString(file, text);
    return new InventoryParser().parse(file);
  }

  private static InventoryHost host(Inventory inventory, String name) {
    return inventory.host(name).orElseThrow();
  }

  @Test
  void deeperChildWinsOverParentWhateverTheNames() throws IOException {
    Inventory inventory = parse("""
        [all:vars]
        level=all
        [zz_parent:children]
        mm_child
        [mm_child:children]
        aa_grandchild
        [aa_grandchild]
        node1
        [zz_parent:vars]
        level=parent
        parent_only=p
        [mm_child:vars]
        level=child
        [aa_grandchild:vars]
        level=grandchild
        """);

    assertThat(host(inventory, "node1").vars())
        .containsEntry("level", "grandchild").containsEntry("parent_only", "p");
  }

  @Test
  void depthIsTheLongestPathFromAll() throws IOException {
    // a_shared is a child of top (depth 2) and of mid (depth 3): it takes the longer path, so it
    // outranks mid (depth 2). With the shorter path the two would tie and 'mid' would win by name.
    Inventory inventory = parse("""
        [top:children]
        mid
        a_shared
        [mid:children]
        a_shared
        [a_shared]
        node1
        [mid:vars]
        x=mid
        [a_shared:vars]
        x=shared
        """);
    assertThat(host(inventory, "node1").vars()).containsEntry("x", "shared");
  }

  @Test
  void hostVariablesWinOverEveryGroup() throws IOException {
    Inventory inventory = parse("""
        [web]
        web1 x=host
        [web:vars]
        x=group
        [all:vars]
        x=all
        """);
    assertThat(host(inventory, "web1").vars()).containsEntry("x", "host");
  }

  @Test
  void higherPriorityWinsOnlyAmongGroupsOfTheSameDepth() throws IOException {
    Inventory inventory = parse("""
        [parent:children]
        child
        [child]
        node1
        [parent:vars]
        x=parent
        ansible_group_priority=100
        [child:vars]
        x=child
        """);
    assertThat(host(inventory, "node1").vars()).containsEntry("x", "child");
  }

  @Test
  void repeatedHostDefinitionsMergeAndTheLaterValueWins() throws IOException {
    Inventory inventory = parse("""
        [a]
        node1 x=1 y=1
        [b]
        node1 x=2
        """);
    InventoryHost node = host(inventory, "node1");
    assertThat(node.vars()).containsEntry("x", "2").containsEntry("y", "1");
    assertThat(node.groups()).containsExactly("a", "all", "b");
    assertThat(inventory.hosts()).hasSize(1);
  }

  @Test
  void portOfHostColonPortCountsWhereTheHostFirstAppears() throws IOException {
    // As in Ansible, which sets the port only when it creates the host.
    Inventory inventory = parse("""
        [a]
        node1:2201
        [b]
        node1:2202
        """);
    assertThat(host(inventory, "node1").connection().port()).contains(2201);
  }

  @Test
  void childMayBeNamedBeforeItsSectionAndVarsBeforeItsGroup() throws IOException {
    Inventory inventory = parse("""
        [app:vars]
        tier=app
        [prod:children]
        app
        [app]
        app1
        """);
    assertThat(host(inventory, "app1").groups()).containsExactly("all", "app", "prod");
    assertThat(host(inventory, "app1").vars()).containsEntry("tier", "app");
    assertThat(inventory.group("all").orElseThrow().children()).containsExactly("ungrouped", "prod");
  }

  @Test
  void hostsListedUnderAllAreUngroupedAndHostsInAGroupAreNot() throws IOException {
    Inventory inventory = parse("""
        early
        [all]
        loner
        [ungrouped]
        explicit
        [web]
        early
        """);
    assertThat(inventory.group("ungrouped").orElseThrow().hosts()).containsExactly("explicit", "loner");
    assertThat(host(inventory, "early").groups()).containsExactly("all", "web");
    assertThat(host(inventory, "loner").groups()).containsExactly("all", "ungrouped");
  }

  @Test
  void emptyGroupsExistAndCommentsOfBothKindsAreSkipped() throws IOException {
    Inventory inventory = parse("""
        # a comment
        ; another comment
        [empty]   # trailing comment on a header
        [web]
        web1
        """);
    assertThat(inventory.group("empty").orElseThrow().hosts()).isEmpty();
    assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("web1");
  }

  @Test
  void crlfLineEndingsAndQuotedValuesWithBlanks() throws IOException {
    Inventory inventory = parse("[web]\r\nweb1 motd=\"hello world\" path='/srv/my app'\r\n[web:vars]\r\n"
        + "banner = \"Welcome, operator\"\r\n");
    assertThat(host(inventory, "web1").vars())
        .containsEntry("motd", "hello world")
        .containsEntry("path", "/srv/my app")
        .containsEntry("banner", "Welcome, operator");
  }

  @Test
  void varsSectionValueKeepsEverythingAfterTheFirstEquals() throws IOException {
    Inventory inventory = parse("""
        [web]
        web1
        [web:vars]
        jdbc = jdbc:postgresql://db:5432/app?ssl=true
        note=a # b
        """);
    assertThat(host(inventory, "web1").vars())
        .containsEntry("jdbc", "jdbc:postgresql://db:5432/app?ssl=true")
        .containsEntry("note", "a # b");
  }

  @Test
  void ipv6HostWithPortInBrackets() throws IOException {
    Inventory inventory = parse("[v6]\n[2001:db8::10]:2222\n2001:db8::11\n");
    assertThat(host(inventory, "2001:db8::10").connection().port()).contains(2222);
    assertThat(host(inventory, "2001:db8::11").connection().port()).isEmpty();
  }
}
