package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyLedgerTest {
  private static final ResourceResult CHANGED = new ResourceResult("file:/a", "file", "base",
      ResourceStatus.CHANGED, Optional.of("absent"), Optional.of("present"), Optional.empty(),
      Optional.empty(), ImmutableList.of());
  private static final ResourceResult UNDONE = ResourceResult.failed("file:/a", "file", "base", "undone");

  private static HostResult host(String name, HostStatus status, Optional<String> error, ResourceResult... results) {
    return new HostResult(name, status, error, ImmutableList.copyOf(results));
  }

  @Test
  void aPhaseStopsTheHostsThatFailedOrWereUnreachableAndKeepsEveryonesEntries() {
    ApplyLedger ledger = ApplyLedger.empty().plusPhase(List.of(
        host("web1", HostStatus.CHANGED, Optional.empty(), CHANGED),
        host("web2", HostStatus.UNREACHABLE, Optional.of("connection refused")),
        host("db1", HostStatus.FAILED, Optional.empty(), UNDONE)));
    assertThat(ledger.stopped("web1")).isFalse();
    assertThat(ledger.stopped("web2")).isTrue();
    assertThat(ledger.stopped("db1")).isTrue();
    assertThat(ledger.results().get("web1")).containsExactly(CHANGED);
    ImmutableList<HostResult> report = ledger.report(List.of(new HostTarget("web2", ImmutableMap.of()),
        new HostTarget("db1", ImmutableMap.of())));
    assertThat(report).extracting(HostResult::status).containsExactly(HostStatus.UNREACHABLE, HostStatus.FAILED);
    assertThat(report.get(0).error()).contains("connection refused");
  }

  @Test
  void theVerificationReplacesTheEntriesOfTheHostsItVerifiedAndStopsTheHostsItCouldNot() {
    ApplyLedger ledger = ApplyLedger.empty().plusPhase(List.of(
        host("web1", HostStatus.CHANGED, Optional.empty(), CHANGED),
        host("web2", HostStatus.CHANGED, Optional.empty(), CHANGED),
        host("web3", HostStatus.CHANGED, Optional.empty(), CHANGED)));
    ApplyLedger verified = ledger.verified(ImmutableMap.of(
        "web1", new HostOutcome<>(host("web1", HostStatus.FAILED, Optional.empty(), UNDONE),
            Optional.of(ImmutableList.of(UNDONE))),
        "web2", HostOutcome.of(host("web2", HostStatus.UNREACHABLE, Optional.of("gone"))),
        "web3", HostOutcome.of(host("web3", HostStatus.OK, Optional.empty())))); // not started: left as it was
    assertThat(verified.results().get("web1")).containsExactly(UNDONE);
    assertThat(verified.results().get("web2")).containsExactly(CHANGED);
    assertThat(verified.results().get("web3")).containsExactly(CHANGED);
    assertThat(verified.stopped("web1")).isFalse();
    assertThat(verified.stopped("web2")).isTrue();
    assertThat(ledger.results().get("web1")).containsExactly(CHANGED); // the ledger before is unchanged
  }
}
