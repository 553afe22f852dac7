package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostRangeTest {

  @Test
  void nameWithoutRangeIsItself() {
    assertThat(HostRange.expand("mail.example.com")).containsExactly("mail.example.com");
  }

  @Test
  void numericRangeKeepsLeadingZerosAndIsInclusive() {
    assertThat(HostRange.expand("ganeti[01:20].example.org"))
        .hasSize(20)
        .startsWith("ganeti01.example.org", "ganeti02.example.org")
        .endsWith("ganeti20.example.org");
  }

  @Test
  void numericRangeWithoutLeadingZeros() {
    assertThat(HostRange.expand("node[8:11]")).containsExactly("node8", "node9", "node10", "node11");
  }

  @Test
  void strideSkipsNumbers() {
    assertThat(HostRange.expand("web[1:10:2]")).containsExactly("web1", "web3", "web5", "web7", "web9");
    // Ansible's documented example: www01, www03, ..., www49.
    assertThat(HostRange.expand("www[01:50:2].example.com"))
        .hasSize(25).startsWith("www01.example.com").endsWith("www49.example.com")
        .doesNotContain("www02.example.com", "www50.example.com");
  }

  @Test
  void letterRange() {
    assertThat(HostRange.expand("db-[a:f].example.org")).containsExactly(
        "db-a.example.org", "db-b.example.org", "db-c.example.org",
        "db-d.example.org", "db-e.example.org", "db-f.example.org");
  }

  @Test
  void omittedBeginIsZero() {
    assertThat(HostRange.expand("h[:2]")).containsExactly("h0", "h1", "h2");
  }

  @Test
  void severalRangesExpandLeftToRight() {
    assertThat(HostRange.expand("r[1:2]-[a:b]")).containsExactly("r1-a", "r1-b", "r2-a", "r2-b");
  }

  @Test
  void badRangesSayWhatWasExpected() {
    assertThatThrownBy(() -> HostRange.expand("www[01:5]"))
        .hasMessageContaining("same number of digits");
    assertThatThrownBy(() -> HostRange.expand("www[1]"))
        .hasMessageContaining("expected [begin:end] or [begin:end:step]");
    assertThatThrownBy(() -> HostRange.expand("www[1:]")).hasMessageContaining("no end value");
    assertThatThrownBy(() -> HostRange.expand("www[9:1]")).hasMessageContaining("greater than end");
    assertThatThrownBy(() -> HostRange.expand("www[f:a]")).hasMessageContaining("must not come after end");
    assertThatThrownBy(() -> HostRange.expand("www[1:9:0]")).hasMessageContaining("step must be a positive");
    assertThatThrownBy(() -> HostRange.expand("www[1:x]")).hasMessageContaining("'x' is not a number");
  }

  @Test
  void aRangeOfMoreHostsThanAnyFleetIsRefusedBeforeAnyIsMade() {
    assertThatThrownBy(() -> HostRange.expand("web[0:999999999]"))
        .hasMessage("bad host range in 'web[0:999999999]': it makes more than 10000 hosts; split the fleet into lines of at most that many");
    assertThatThrownBy(() -> HostRange.expand("r[0:200]-[0:200]")).hasMessageContaining("more than 10000 hosts");
    assertThat(HostRange.expand("web[1:10000]")).hasSize(10_000);
  }
}
