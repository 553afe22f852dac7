package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostAddressTest {

  @Test
  void namesAndAddressesWithoutPort() {
    assertThat(HostAddress.parse("mail.example.com")).isEqualTo(new HostAddress("mail.example.com", Optional.empty()));
    assertThat(HostAddress.parse("192.0.2.50").port()).isEmpty();
    assertThat(HostAddress.parse("2001:db8::1")).isEqualTo(new HostAddress("2001:db8::1", Optional.empty()));
    assertThat(HostAddress.parse("under_score").pattern()).isEqualTo("under_score");
  }

  @Test
  void portAfterNameIpv4OrBracketedIpv6() {
    assertThat(HostAddress.parse("badwolf.example.com:5309"))
        .isEqualTo(new HostAddress("badwolf.example.com", Optional.of(5309)));
    assertThat(HostAddress.parse("192.0.2.50:2222")).isEqualTo(new HostAddress("192.0.2.50", Optional.of(2222)));
    assertThat(HostAddress.parse("[2001:db8::1]:2222")).isEqualTo(new HostAddress("2001:db8::1", Optional.of(2222)));
  }

  @Test
  void rangesKeepTheirColonsAndMayHaveAPort() {
    assertThat(HostAddress.parse("www[01:50].example.com:2200"))
        .isEqualTo(new HostAddress("www[01:50].example.com", Optional.of(2200)));
    assertThat(HostAddress.parse("10.0.0.[1:9:2]").pattern()).isEqualTo("10.0.0.[1:9:2]");
  }

  @Test
  void badPortsAndNamesAreRejected() {
    assertThatThrownBy(() -> HostAddress.parse("db1:ssh")).hasMessageContaining("port 'ssh' in 'db1:ssh' is not a number");
    assertThatThrownBy(() -> HostAddress.parse("db1:70000")).hasMessageContaining("out of range 1-65535");
    assertThatThrownBy(() -> HostAddress.parse("db1:0")).hasMessageContaining("out of range 1-65535");
    assertThatThrownBy(() -> HostAddress.parse("db1:")).hasMessageContaining("ends with ':'");
    assertThatThrownBy(() -> HostAddress.parse("-db1")).hasMessageContaining("is not a valid host");
    assertThatThrownBy(() -> HostAddress.parse("db/1")).hasMessageContaining("is not a valid host");
    assertThatThrownBy(() -> HostAddress.parse("---")).hasMessageContaining("YAML");
  }
}
