package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible's "Patterns: targeting hosts and groups", applied as --limit. */
class HostPatternTest {
  @TempDir static Path dir;
  static Inventory inventory;

  @BeforeAll
  static void inventory() throws IOException {
    Path file = dir.resolve("hosts");
    Files.writeString(file, """
        mail.example.com

        [webservers]
        cobweb
        webbing
        weber

        [dbservers]
        one.example.com
        two.example.com
        192.0.2.50

        [atlanta]
        webbing
        one.example.com

        [staging]
        weber
        two.example.com

        [phoenix]
        two.example.com

        [prod:children]
        atlanta
        """);
    inventory = new InventoryParser().parse(file);
  }

  private static HostSelection select(String pattern) {
    return HostPattern.parse(pattern).select(inventory);
  }

  @Test
  void allHosts() {
    assertThat(select("all").names()).containsExactly(
        "mail.example.com", "cobweb", "webbing", "weber", "one.example.com", "two.example.com", "192.0.2.50");
    assertThat(select("*").names()).isEqualTo(select("all").names());
  }

  @Test
  void oneOrMoreHosts() {
    assertThat(select("weber").names()).containsExactly("weber");
    assertThat(select("one.example.com:two.example.com").names()).containsExactly("one.example.com", "two.example.com");
    assertThat(select("two.example.com,one.example.com").names()).containsExactly("one.example.com", "two.example.com");
    assertThat(select("192.0.2.50").names()).containsExactly("192.0.2.50");
  }

  @Test
  void groupsAndUnions() {
    assertThat(select("webservers").names()).containsExactly("cobweb", "webbing", "weber");
    assertThat(select("webservers:dbservers").names())
        .containsExactly("cobweb", "webbing", "weber", "one.example.com", "two.example.com", "192.0.2.50");
    assertThat(select("prod").names()).containsExactly("webbing", "one.example.com");
  }

  @Test
  void exclusionAndIntersection() {
    assertThat(select("webservers:!atlanta").names()).containsExactly("cobweb", "weber");
    assertThat(select("webservers:&staging").names()).containsExactly("weber");
    assertThat(select("all:!webservers").names())
        .containsExactly("mail.example.com", "one.example.com", "two.example.com", "192.0.2.50");
  }

  @Test
  void combinedExampleFromTheDocs() {
    // "all machines in the groups webservers and dbservers that are also in the group staging,
    // except for any machines in the group phoenix"
    assertThat(select("webservers:dbservers:&staging:!phoenix").names()).containsExactly("weber");
  }

  @Test
  void orderOfOperatorsInThePatternDoesNotMatter() {
    // a:b:&c:!d:!e == &c:a:!d:b:!e == !d:a:!e:&c:b
    String a = "webservers:dbservers:&staging:!phoenix:!cobweb";
    assertThat(select("&staging:webservers:!phoenix:dbservers:!cobweb").names()).isEqualTo(select(a).names());
    assertThat(select("!phoenix:webservers:!cobweb:&staging:dbservers").names()).isEqualTo(select(a).names());
    // Exclusions are applied after unions, so a later union cannot bring a host back.
    assertThat(select("!weber:webservers").names()).containsExactly("cobweb", "webbing");
  }

  @Test
  void onlyExclusionsOrIntersectionsStartFromAll() {
    assertThat(select("!webservers").names())
        .containsExactly("mail.example.com", "one.example.com", "two.example.com", "192.0.2.50");
    assertThat(select("&staging").names()).containsExactly("weber", "two.example.com");
  }

  @Test
  void wildcards() {
    assertThat(select("*.example.com").names()).containsExactly("mail.example.com", "one.example.com", "two.example.com");
    assertThat(select("192.0.*").names()).containsExactly("192.0.2.50");
    assertThat(select("one*.com:dbservers").names())
        .containsExactly("one.example.com", "two.example.com", "192.0.2.50");
    assertThat(select("web*").names()).containsExactly("cobweb", "webbing", "weber"); // group webservers + hosts
    assertThat(select("webb?ng").names()).containsExactly("webbing");
    assertThat(select("we[!b]*").names()).isEmpty();
    assertThat(select("WEB*").names()).as("names are case-sensitive").isEmpty();
  }

  @Test
  void regularExpressionsMatchFromTheStart() {
    assertThat(select("~(web|db).*").names()).containsExactly("cobweb", "webbing", "weber", "one.example.com",
        "two.example.com", "192.0.2.50");
    assertThat(select("~(one|two)\\.example\\.com").names()).containsExactly("one.example.com", "two.example.com");
    assertThat(select("~web").names()).as("like re.match: anchored at the start only")
        .containsExactly("cobweb", "webbing", "weber");
    assertThat(select("~eb").names()).isEmpty();
  }

  @Test
  void subscriptsFromTheDocs() {
    assertThat(select("webservers[0]").names()).containsExactly("cobweb");
    assertThat(select("webservers[-1]").names()).containsExactly("weber");
    assertThat(select("webservers[0:2]").names()).containsExactly("cobweb", "webbing", "weber");
    assertThat(select("webservers[1:2]").names()).containsExactly("webbing", "weber");
    assertThat(select("webservers[1:]").names()).containsExactly("webbing", "weber");
    assertThat(select("webservers[:3]").names()).containsExactly("cobweb", "webbing", "weber");
    assertThat(select("webservers[1],dbservers[0]").names()).containsExactly("webbing", "one.example.com");
  }

  @Test
  void subscriptPastTheEndMatchesNothing() {
    HostSelection selection = select("webservers[7]");
    assertThat(selection.isEmpty()).isTrue();
    assertThat(selection.unmatchedTerms()).containsExactly("webservers[7]");
  }

  @Test
  void patternMatchingNothingIsAnEmptySelectionNotAnError() {
    HostSelection selection = select("*.not_in_inventory.com");
    assertThat(selection.isEmpty()).isTrue();
    assertThat(selection.unmatchedTerms()).containsExactly("*.not_in_inventory.com");

    HostSelection partly = select("weber:nosuchhost:!nosuchgroup");
    assertThat(partly.names()).containsExactly("weber");
    assertThat(partly.unmatchedTerms()).containsExactly("nosuchhost", "!nosuchgroup");
  }

  @Test
  void emptyGroupIsMatchedButSelectsNoHost() throws IOException {
    Path file = dir.resolve("empty-group");
    Files.writeString(file, "[empty]\n[web]\nweb1\n");
    HostSelection selection = HostPattern.parse("empty").select(new InventoryParser().parse(file));
    assertThat(selection.isEmpty()).isTrue();
    assertThat(selection.unmatchedTerms()).isEmpty();
  }

  @Test
  void selectionKeepsInventoryFileOrder() {
    assertThat(select("weber,cobweb,mail.example.com").names()).containsExactly("mail.example.com", "cobweb", "weber");
  }

  @Test
  void invalidPatterns() {
    assertThatThrownBy(() -> HostPattern.parse("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty host pattern");
    assertThatThrownBy(() -> HostPattern.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPattern.parse("~(web")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("host pattern '~(web' is not a valid regular expression");
    assertThatThrownBy(() -> HostPattern.parse("web:!")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no host or group after '!'");
    assertThatThrownBy(() -> HostPattern.parse("webservers[:]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a subscript needs a start or an end");
    assertThatThrownBy(() -> HostPattern.parse("@retry_hosts.txt")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@file is not supported");
  }

  @Test
  void ipv6AddressIsOnePatternNotColonSeparatedTerms() throws IOException {
    Path file = dir.resolve("v6");
    Files.writeString(file, "2001:db8::1\n2001:db8::2\n");
    Inventory v6 = new InventoryParser().parse(file);
    assertThat(HostPattern.parse("2001:db8::2").select(v6).names()).containsExactly("2001:db8::2");
    assertThat(HostPattern.parse("2001:db8::1,2001:db8::2").select(v6).names()).hasSize(2);
  }
}
