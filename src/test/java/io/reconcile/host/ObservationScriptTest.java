package io.reconcile.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
      String open = "127.0.0.1:" + listening.getLocalPort();
      String shut = "127.0.0.1:" + closedPort();
      HostFacts facts = observe(ObservationRequest.builder().port("no-such-service-xyz", open).port("no-such-service-xyz", shut).build());
      assertThat(facts.listening(open)).isTrue();
      assertThat(facts.listening(shut)).isFalse();
    }
  }

  /**
   * A closed port is probed again while its service runs (it may be starting up) and only once when the
   * service does not run: a service that is stopped or not installed cannot be about to listen.
   */
  @Test
  void aClosedPortIsProbedAgainOnlyWhileItsServiceRuns() throws Exception {
    assumeFalse(Files.isDirectory(Path.of("/run/systemd/system")), "the script asks systemctl on systemd hosts");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path calls = dir.resolve("service-calls");
    // `service NAME status`: running-svc runs, anything else does not; every call is logged.
    Path service = Files.writeString(bin.resolve("service"),
        "#!/bin/sh\necho \"$*\" >> " + calls + "\n[ \"$1\" = running-svc ]\n");
    Files.setPosixFilePermissions(service, PosixFilePermissions.fromString("rwxr-xr-x"));
    String stopped = "127.0.0.1:" + closedPort();
    String late = "127.0.0.1:" + closedPort();

    HostFacts facts;
    try (java.net.ServerSocket ignored = listenSoon(Integer.parseInt(late.substring(late.indexOf(':') + 1)))) {
      facts = observeWithPath(bin, ObservationRequest.builder().port("stopped-svc", stopped).port("running-svc", late).build());
    }

    assertThat(facts.listening(stopped)).isFalse();
    assertThat(facts.listening(late)).isTrue();
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).filteredOn(l -> l.startsWith("stopped-svc")).containsExactly("stopped-svc status");
    assertThat(lines).filteredOn(l -> l.startsWith("running-svc")).isNotEmpty().allMatch(l -> l.equals("running-svc status"));
  }

  /** A port that starts listening about half a second from now (closed until then). */
  private static java.net.ServerSocket listenSoon(int port) throws Exception {
    java.util.concurrent.CompletableFuture<java.net.ServerSocket> socket = new java.util.concurrent.CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        Thread.sleep(500);
        socket.complete(new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress()));
      } catch (Exception e) {
        socket.completeExceptionally(e);
      }
    });
    opener.start();
    return new java.net.ServerSocket() {
      @Override
      public void close() throws java.io.IOException {
        try {
          socket.get().close();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
          throw new java.io.IOException(e);
        }
      }
    };
  }

  private HostFacts observeWithPath(Path bin, ObservationRequest request) throws Exception {
    ObservationScript script = new ObservationScript(request);
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script.script()).redirectErrorStream(false);
    builder.environment().merge("PATH", bin.toString(), (old, first) -> first + ":" + old);
    Process process = builder.start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    return script.parse(stdout);
  }

  private static int closedPort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
