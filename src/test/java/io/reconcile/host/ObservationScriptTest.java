package io.reconcile.host;

import io.reconcile.resource.file.FileContent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batched observation script run by a real local /bin/sh against real files and dpkg. */
class ObservationScriptTest {
  @TempDir Path dir;

  private HostFacts observe(ObservationRequest request) {
    ObservationScript script = new ObservationScript(request);
    ShellResult result = new LocalShell().run(script.script(), new byte[0], java.time.Duration.ofSeconds(30));
    assertThat(result.exitStatus()).as(result.stderrText()).isZero();
    return script.parse(result.stdoutText());
  }

  @Test
  void observesFilesWithContentOwnerModeAndDigest() throws Exception {
    Path file = dir.resolve("settings with space.conf");
    Files.writeString(file, "A = 1\nB = 'x'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Path empty = Files.createFile(dir.resolve("empty"));
    HostFacts facts = observe(ObservationRequest.builder()
        .file(file.toString()).file(empty.toString()).file(dir.resolve("missing").toString()).file(dir.toString()).build());

    FileFact fact = facts.file(file.toString());
    assertThat(fact.exists()).isTrue();
    assertThat(fact.regular()).isTrue();
    assertThat(fact.mode()).isEqualTo(0640);
    assertThat(fact.owner()).isEqualTo(System.getProperty("user.name"));
    assertThat(new String(fact.content().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("A = 1\nB = 'x'\n");
    assertThat(fact.sha256()).isEqualTo(FileContent.sha256(Files.readAllBytes(file)));
    assertThat(facts.file(empty.toString()).content()).hasValueSatisfying(c -> assertThat(c).isEmpty());
    assertThat(facts.file(dir.resolve("missing").toString()).exists()).isFalse();
    assertThat(facts.file(dir.toString()).regular()).isFalse();
  }

  @Test
  void observesInstalledAndMissingPackagesWithDpkg() throws Exception {
    Process dpkg = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "dpkg").start();
    String version = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    HostFacts facts = observe(ObservationRequest.builder().packageName("dpkg").packageName("no-such-package-xyz").build());
    assertThat(facts.pkg("dpkg").installedVersion()).hasValue(version);
    assertThat(facts.pkg("no-such-package-xyz").installedVersion()).isEmpty();
  }

  @Test
  void guardsReportExitStatusAndUnknownServicesAreUnknown() {
    HostFacts facts = observe(ObservationRequest.builder()
        .guard("true").guard("exit 3").guard("test -e /nonexistent")
        .service("no-such-service-xyz").build());
    assertThat(facts.guard("true")).isZero();
    assertThat(facts.guard("exit 3")).isEqualTo(3);
    assertThat(facts.guard("test -e /nonexistent")).isEqualTo(1);
    assertThat(facts.service("no-such-service-xyz").known()).isFalse();
  }

  @Test
  void hostilePathsAndGuardsAreDataNotShell() {
    Path marker = dir.resolve("pwned");
    String hostile = dir + "/x'; touch " + marker + "; echo '$(touch " + marker + ")`touch " + marker + "`\nnext";
    HostFacts facts = observe(ObservationRequest.builder().file(hostile).packageName("a'; touch " + marker + "; '").build());
    assertThat(facts.file(hostile).exists()).isFalse();
    assertThat(Files.exists(marker)).isFalse();
  }

  @Test
  void contentThatLooksLikeAMarkerCannotForgeASection() throws Exception {
    Path file = dir.resolve("tricky");
    Files.writeString(file, "@@reconcile-000000000000000000000000@@ end\n");
    HostFacts facts = observe(ObservationRequest.builder().file(file.toString()).guard("true").build());
    assertThat(facts.guard("true")).isZero();
    assertThat(facts.file(file.toString()).content()).isPresent();
    assertThat(List.of(facts.files().keySet().toArray())).containsExactly(file.toString());
  }

  @Test
  void portsAreProbedWithTcpConnects() throws Exception {
    try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      String open = "127.0.0.1:" + listening.getLocalPort();
      String shut = "127.0.0.1:" + closed;
      HostFacts facts = observe(ObservationRequest.builder().port(open).port(shut).build());
      assertThat(facts.listening(open)).isTrue();
      assertThat(facts.listening(shut)).isFalse();
    }
  }
}
