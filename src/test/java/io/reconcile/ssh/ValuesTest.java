package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small value types of the transport. */
class ValuesTest {
  @Test
  void summaryNamesACommandWithoutItsBody() {
    assertThat(RemoteCommand.of("dpkg-query -W snf-common").summary()).isEqualTo("dpkg-query -W snf-common");
    assertThat(RemoteCommand.of("cat > /etc/x <<'EOF'\nline\nEOF").summary()).isEqualTo("cat > /etc/x <<'EOF' ...");
    assertThat(RemoteCommand.of("x".repeat(100)).summary()).isEqualTo("x".repeat(80) + " ...");
  }

  @Test
  void commandResultsCompareByContent() {
    CommandResult a = new CommandResult(0, "out".getBytes(StandardCharsets.UTF_8), new byte[0]);
    CommandResult b = new CommandResult(0, "out".getBytes(StandardCharsets.UTF_8), new byte[0]);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new CommandResult(1, a.stdout(), a.stderr()));
    assertThat(a.stdoutText()).isEqualTo("out");
    assertThat(a.succeeded()).isTrue();
  }

  @Test
  void durationsReadAsOperatorsWriteThem() {
    assertThat(Durations.describe(Duration.ofMillis(700))).isEqualTo("700ms");
    assertThat(Durations.describe(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(Durations.describe(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.describe(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(Durations.describe(Duration.ofHours(2))).isEqualTo("2h");
  }

  @Test
  void invalidSettingsAreRefusedWhereTheyAreMade() {
    assertThatThrownBy(() -> new SshTarget("web1", "", 22, "root", Optional.empty(), false))
        .hasMessageContaining("host of web1");
    assertThatThrownBy(() -> new SshTarget("web1", "10.0.0.1", 0, "root", Optional.empty(), false))
        .hasMessageContaining("port of web1");
    assertThatThrownBy(() -> RemoteCommand.of("true").withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TransportOptions.defaults().withMaxChannelsPerHost(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsFollowOpenSshAndAnsible() {
    TransportOptions defaults = TransportOptions.defaults();
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");

    assertThat(defaults.knownHosts()).isEqualTo(ssh.resolve("known_hosts"));
    assertThat(defaults.acceptNewHostKeys()).isFalse();
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.defaultKeyFiles()).startsWith(ssh.resolve("id_ed25519"));
    assertThat(defaults.maxChannelsPerHost()).isEqualTo(10);
  }

  @Test
  void becomeIsSudoNonInteractiveAroundOneShWordUnderTheHostsTimeout() {
    assertThat(Become.wrap("apt-get install -y 'snf-common=0.13-1'", Duration.ofMillis(29_500)))
        .isEqualTo("sudo -n -- timeout -k 2 31 sh -c 'apt-get install -y '\\''snf-common=0.13-1'\\'''");
  }
}
