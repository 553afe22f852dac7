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
  private static final ResourceOutcome CHANGED = ResourceOutcome.undeclared(new ResourceResult("file:/a", "file",
      "base", ResourceStatus.CHANGED, Optional.of("absent"), Optional.of("present"), Optional.empty(),
      Optional.empty(), ImmutableList.of()));
  private static final ResourceOutcome UNDONE =
      ResourceOutcome.undeclared(ResourceResult.failed("file:/a", "file", "base", "undone"));

  /** What a host's work returned: its result, and its outcomes when the work got to return them. */
  private static HostOutcome<ImmutableList<ResourceOutcome>> host(String name, HostStatus status,
      Optional<String> error, Optional<ImmutableList<ResourceOutcome>> outcomes) {
    ImmutableList<ResourceResult> results = outcomes.orElse(ImmutableList.of()).stream().map(ResourceOutcome::result)
        .collect(ImmutableList.toImmutableList());
    return new HostOutcome<>(new HostResult(name, status, error, results), outcomes);
  }

  private static HostOutcome<ImmutableList<ResourceOutcome>> done(String name, HostStatus status,
      ResourceOutcome... outcomes) {
    return host(name, status, Optional.empty(), Optional.of(ImmutableList.copyOf(outcomes)));
  }

  @Test
  void aPhaseStopsTheHostsThatFailedOrWereUnreachableAndKeepsEveryonesOutcomes() {
    ApplyLedger ledger = ApplyLedger.empty().plusPhase(List.of(
        done("web1", HostStatus.CHANGED, CHANGED),
        host("web2", HostStatus.UNREACHABLE, Optional.of("connection refused"), Optional.empty()),
        done("db1", HostStatus.FAILED, UNDONE)));
    assertThat(ledger.stopped("web1")).isFalse();
    assertThat(ledger.stopped("web2")).isTrue();
    assertThat(ledger.stopped("db1")).isTrue();
    assertThat(ledger.outcomes().get("web1")).containsExactly(CHANGED);
    ImmutableList<HostResult> report = ledger.report(List.of(new HostTarget("web2", ImmutableMap.of()),
        new HostTarget("db1", ImmutableMap.of())));
    assertThat(report).extracting(HostResult::status).containsExactly(HostStatus.UNREACHABLE, HostStatus.FAILED);
    assertThat(report.get(0).error()).contains("connection refused");
  }

  @Test
  void theVerificationReplacesTheOutcomesOfTheHostsItVerifiedAndStopsTheHostsItCouldNot() {
    ApplyLedger ledger = ApplyLedger.empty().plusPhase(List.of(done("web1", HostStatus.CHANGED, CHANGED),
        done("web2", HostStatus.CHANGED, CHANGED), done("web3", HostStatus.CHANGED, CHANGED)));
    ApplyLedger verified = ledger.verified(ImmutableMap.of(
        "web1", done("web1", HostStatus.FAILED, UNDONE),
        "web2", host("web2", HostStatus.UNREACHABLE, Optional.of("gone"), Optional.empty()),
        "web3", host("web3", HostStatus.OK, Optional.empty(), Optional.empty()))); // not started: left as it was
    assertThat(verified.outcomes().get("web1")).containsExactly(UNDONE);
    assertThat(verified.outcomes().get("web2")).containsExactly(CHANGED);
    assertThat(verified.outcomes().get("web3")).containsExactly(CHANGED);
    assertThat(verified.stopped("web1")).isFalse();
    assertThat(verified.stopped("web2")).isTrue();
    assertThat(ledger.outcomes().get("web1")).containsExactly(CHANGED); // the ledger before is unchanged
  }
}
