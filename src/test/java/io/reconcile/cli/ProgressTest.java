package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.SecretMasker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Progress displays: plain lines for logs, a live status line on a terminal; secrets masked in both. */
class ProgressTest {
  private static final SecretMasker MASKER = SecretMasker.of(List.of(Map.of("db_password", "pw-123")), Set.of());

  private static HostResult drifted(String host) {
    ResourceResult drift = new ResourceResult("file:/etc/a", "file", "main", ResourceStatus.DRIFT, Optional.of("a"),
        Optional.of("b"), Optional.empty(), Optional.empty(), ImmutableList.of());
    return new HostResult(host, HostStatus.DRIFTED, Optional.empty(), ImmutableList.of(drift));
  }

  private static HostResult unreachable(String host) {
    return new HostResult(host, HostStatus.UNREACHABLE, Optional.of("auth failed for pw-123"), ImmutableList.of());
  }

  @Test
  void plainLinesSayWhatStartedAndHowEachHostEnded() {
    StringWriter out = new StringWriter();
    ProgressLines progress = new ProgressLines(new PrintWriter(out), MASKER);
    progress.phaseStarted("check", 2);
    progress.hostStarted("check", "web1");
    progress.hostFinished("check", drifted("web1"));
    progress.hostFinished("check", unreachable("web2"));
    progress.phaseStarted("install", 1);
    progress.runFinished();
    assertThat(out.toString()).isEqualTo("""
        reconcile: [check]: 2 hosts
        reconcile: [check]: web1: drifted (1 change)
        reconcile: [check]: web2: unreachable: auth failed for ********
        reconcile: [phase install]: 1 host
        """).doesNotContain("\r", "\033");
  }

  @Test
  void onATerminalAStatusLineShowsRunningHostsAndIsClearedAtTheEnd() {
    StringWriter out = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(out), MASKER, 60);
    progress.phaseStarted("check", 3);
    progress.hostStarted("check", "web1");
    progress.hostStarted("check", "web2");
    String running = out.toString();
    assertThat(running).endsWith("\r\033[K[check] 0/3 hosts done; running: web1 web2\r");
    progress.hostFinished("check", drifted("web1"));
    assertThat(out.toString().substring(running.length()))
        .isEqualTo("\r\033[Kreconcile: [check]: web1: drifted (1 change)\n\r\033[K[check] 1/3 hosts done; running: web2\r");
    progress.hostStarted("check", "a-very-long-host-name-that-does-not-fit.example.org");
    String last = out.toString().substring(out.toString().lastIndexOf("\033[K") + 3);
    assertThat(last).hasSize(60).endsWith("…\r");
    progress.runFinished();
    assertThat(out.toString()).endsWith("\r\033[K\r");
  }
}
