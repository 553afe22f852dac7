package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an OpenSSH client configuration gives a host, as Mina parses and resolves it. */
class SshClientConfigTest {
  private static final String HOME = System.getProperty("user.home");

  @TempDir Path dir;

  private SshClientConfig config(String text) throws IOException {
    Path file = dir.resolve("config");
    Files.writeString(file, text);
    return SshClientConfig.read(file, Map.of("SSH_AUTH_SOCK", "/run/agent.sock", "MY_AGENT", "/run/mine.sock"));
  }

  @Test
  void hostEntriesGiveAddressUserKeysAndFirstValueWins() throws IOException {
    SshClientConfig config = config("""
        Host astakos1
          HostName 10.0.0.5
          Port 2222
          IdentityFile ~/.ssh/synnefo_ed25519
          IdentitiesOnly yes
        Host *
          User deploy
          Port 22
          ConnectTimeout 7
          ServerAliveInterval 15
          UserKnownHostsFile ~/.ssh/fleet_known_hosts
          StrictHostKeyChecking accept-new
        """);
    SshClientConfig.ResolvedHost astakos = config.resolve("astakos1", Optional.empty(), Optional.empty(),
        Optional.empty());

    assertThat(astakos.hostName()).isEqualTo("10.0.0.5");
    assertThat(astakos.port()).isEqualTo(2222);
    assertThat(astakos.user()).isEqualTo("deploy");
    SshOptions options = astakos.options();
    assertThat(options.identityFiles()).containsExactly(Path.of(HOME, ".ssh/synnefo_ed25519"));
    assertThat(options.identitiesOnly()).isTrue();
    assertThat(options.connectTimeout()).contains(Duration.ofSeconds(7));
    assertThat(options.serverAliveInterval()).contains(Duration.ofSeconds(15));
    assertThat(options.knownHosts()).contains(Path.of(HOME, ".ssh/fleet_known_hosts"));
    assertThat(options.acceptNewHostKeys()).contains(true);
    assertThat(options.agent()).contains(Path.of("/run/agent.sock"));
  }

  @Test
  void inventoryValuesWinOverTheFile() throws IOException {
    SshClientConfig config = config("Host web*\n  Port 2222\n  User deploy\n  ProxyJump bastion\n");
    SshClientConfig.ResolvedHost web = config.resolve("web1", Optional.of(22022), Optional.of("root"),
        Optional.of("other"));

    assertThat(web.port()).isEqualTo(22022);
    assertThat(web.user()).isEqualTo("root");
    assertThat(web.options().jumps()).extracting(SshTarget::host).containsExactly("other");
  }

  @Test
  void hostTheFileDoesNotNameGetsSshDefaults() throws IOException {
    SshClientConfig.ResolvedHost other = config("Host web1\n  Port 2222\n")
        .resolve("db1", Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(other.hostName()).isEqualTo("db1");
    assertThat(other.port()).isEqualTo(22);
    assertThat(other.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(other.options().jumps()).isEmpty();
  }

  @Test
  void matchHostAndMatchAllAreHostPatterns() throws IOException {
    SshClientConfig config = config("""
        Match host cyclades*,!cyclades9
          User cyc
        Match all
          User everyone
        """);
    assertThat(config.resolve("cyclades1", Optional.empty(), Optional.empty(), Optional.empty()).user())
        .isEqualTo("cyc");
    assertThat(config.resolve("cyclades9", Optional.empty(), Optional.empty(), Optional.empty()).user())
        .isEqualTo("everyone");
  }

  @Test
  void proxyJumpChainsAreVisitedInOpenSshOrderWithEachHopsOwnSettings() throws IOException {
    SshClientConfig config = config("""
        Host target
          ProxyJump inner
        Host inner
          HostName 10.1.0.1
          User jumper
          ProxyJump outer:2200
        Host outer
          HostName gw.example.org
          IdentityFile /keys/outer
        Host chained
          ProxyJump admin@outer,inner
        """);
    assertThat(config.resolve("target", Optional.empty(), Optional.empty(), Optional.empty()).options().jumps())
        .extracting(SshTarget::address).containsExactly(System.getProperty("user.name") + "@gw.example.org:2200",
            "jumper@10.1.0.1:22");
    // As with ssh -J a,b: only the first hop's own ProxyJump counts (b is reached with -J a, which wins).
    SshOptions chained = config.resolve("chained", Optional.empty(), Optional.empty(), Optional.empty()).options();
    assertThat(chained.jumps()).extracting(SshTarget::address)
        .containsExactly("admin@gw.example.org:22", "jumper@10.1.0.1:22");
    assertThat(chained.jumps().get(0).options().identityFiles()).containsExactly(Path.of("/keys/outer"));
  }

  @Test
  void proxyCommandWithSshDashWIsAProxyJump() throws IOException {
    SshClientConfig config = config("Host web1\n  ProxyCommand ssh -q -W %h:%p -p 2201 ops@gw\n");
    assertThat(config.resolve("web1", Optional.empty(), Optional.empty(), Optional.empty()).options().jumps())
        .extracting(SshTarget::address).containsExactly("ops@gw:2201");
  }

  @Test
  void identityAgentNoneVariableOrPath() throws IOException {
    SshClientConfig config = config("""
        Host a
          IdentityAgent none
        Host b
          IdentityAgent $MY_AGENT
        Host c
          IdentityAgent ~/agent.sock
        """);
    assertThat(config.resolve("a", Optional.empty(), Optional.empty(), Optional.empty()).options().agent()).isEmpty();
    assertThat(config.resolve("b", Optional.empty(), Optional.empty(), Optional.empty()).options().agent())
        .contains(Path.of("/run/mine.sock"));
    assertThat(config.resolve("c", Optional.empty(), Optional.empty(), Optional.empty()).options().agent())
        .contains(Path.of(HOME, "agent.sock"));
  }

  @Test
  void badValuesAreReportedAtTheirLine() {
    assertThatThrownBy(() -> config("Host a\n  Port 22x\n"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).describe())
            .isEqualTo(dir.resolve("config") + ":2: Port '22x' is not valid: expected a whole number (1-65535)"));
    assertThatThrownBy(() -> config("Host a\n\n  StrictHostKeyChecking maybe\n"))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(3))
        .hasMessageContaining("yes, accept-new, no or ask");
    assertThatThrownBy(() -> config("Match user root\n  Port 22\n"))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(1))
        .hasMessageContaining("Match host PATTERNS");
    assertThatThrownBy(() -> config("Host a\n  ProxyCommand nc -X connect -x proxy:8080 %h %p\n"))
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(2))
        .hasMessageContaining("ProxyCommand");
    assertThatThrownBy(() -> config("Include ~/.ssh/config.d/*\n"))
        .hasMessageContaining("Include is not followed");
  }

  @Test
  void proxyJumpLoopIsAnError() throws IOException {
    SshClientConfig config = config("Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n");
    assertThatThrownBy(() -> config.resolve("a", Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 10 jump hosts");
  }
}
