package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;
import io.reconcile.resource.command.CommandResource;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.resource.command.CommandSpec;
import io.reconcile.state.Declaration;
import io.reconcile.state.Location;
import io.reconcile.state.ResourceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultClassifierTest {
  private static final Change PLANNED = new Change("pending", "done", Optional.empty(), ImmutableList.of());
  private static final Change STILL = new Change("still pending", "done", Optional.empty(), ImmutableList.of());
  private static final AppliedChange DONE = new AppliedChange(PLANNED, ApplyOutcome.success(ImmutableList.of("/b/x")));
  private static final AppliedChange BROKEN = new AppliedChange(PLANNED, ApplyOutcome.failure("exit 1"));

  private static ShellResource resource(String name) {
    CommandSpec spec = new CommandSpec("true", Optional.empty(), Optional.empty(), Duration.ofMinutes(1));
    return new CommandResource(new Declaration(new ResourceId("command", name), spec, "all", ImmutableSet.of(),
        ImmutableList.of(), ImmutableList.of(), Optional.empty(), ImmutableMap.of(), new Location("states/x.yml", 1)),
        spec);
  }

  private static ResultClassifier.Turn turn(String name, Optional<AppliedChange> applied, Optional<Change> remaining) {
    return new ResultClassifier.Turn(resource(name), applied, remaining, Optional.empty());
  }

  private static ResourceResult one(ResultClassifier.Turn turn) {
    return ResultClassifier.classify("base", List.of(turn)).get(0).result();
  }

  private static List<ResourceResult> results(List<ResourceOutcome> outcomes) {
    return outcomes.stream().map(ResourceOutcome::result).toList();
  }

  @Test
  void eachOutcomeCarriesItsOwnResource() {
    ShellResource resource = resource("a");
    ImmutableList<ResourceOutcome> outcomes = ResultClassifier.classify("base",
        List.of(new ResultClassifier.Turn(resource, Optional.empty(), Optional.empty(), Optional.empty())));
    assertThat(outcomes.get(0).resource()).containsSame(resource);
  }

  @Test
  void aChangeDoneAndObservedAsDeclaredIsChangedWithItsBackups() {
    ResourceResult result = one(turn("a", Optional.of(DONE), Optional.empty()));
    assertThat(result.status()).isEqualTo(ResourceStatus.CHANGED);
    assertThat(result.before()).contains("pending");
    assertThat(result.backups()).containsExactly("/b/x");
    assertThat(result.error()).isEmpty();
  }

  @Test
  void aChangeThatFailedIsFailedWithItsOwnError() {
    ResourceResult result = one(turn("a", Optional.of(BROKEN), Optional.of(STILL)));
    assertThat(result.status()).isEqualTo(ResourceStatus.FAILED);
    assertThat(result.error()).contains("exit 1");
    assertThat(result.before()).contains("pending");
  }

  @Test
  void aChangeDoneButStillOffAfterwardsIsFailedNeverChanged() {
    ResourceResult result = one(turn("a", Optional.of(DONE), Optional.of(STILL)));
    assertThat(result.status()).isEqualTo(ResourceStatus.FAILED);
    assertThat(result.error()).contains("still differs after apply: now still pending, wanted done");
    assertThat(result.before()).contains("pending");
    assertThat(result.backups()).containsExactly("/b/x");
  }

  @Test
  void aResourceApplyDidNothingToButThatDiffersAfterwardsWasChangedByALaterOne() {
    ResourceResult result = one(turn("a", Optional.empty(), Optional.of(STILL)));
    assertThat(result.status()).isEqualTo(ResourceStatus.FAILED);
    assertThat(result.error()).contains(ResultClassifier.CHANGED_LATER);
    assertThat(result.before()).contains("still pending");
  }

  @Test
  void aResourceAsDeclaredThroughoutIsOk() {
    assertThat(one(turn("a", Optional.empty(), Optional.empty())).status()).isEqualTo(ResourceStatus.OK);
  }

  @Test
  void afterAFailureTheRestIsSkippedWithItsDriftOrOkWhenItHasNone() {
    List<ResourceResult> results = results(ResultClassifier.classify("base", List.of(
        turn("before", Optional.of(DONE), Optional.empty()),
        turn("broken", Optional.of(BROKEN), Optional.of(STILL)),
        turn("drifted", Optional.empty(), Optional.of(STILL)),
        turn("fine", Optional.empty(), Optional.empty()))));
    assertThat(results).extracting(ResourceResult::status).containsExactly(ResourceStatus.CHANGED,
        ResourceStatus.FAILED, ResourceStatus.SKIPPED, ResourceStatus.OK);
    assertThat(results.get(2).error()).contains(ResultClassifier.AFTER_FAILURE);
    assertThat(results.get(2).before()).contains("still pending");
  }

  @Test
  void whatACancellationKeptFromStartingIsSkippedWithItsReasonOrOkWhenAsDeclared() {
    Optional<String> cancelled = Optional.of("not run: interrupted");
    List<ResourceResult> results = results(ResultClassifier.classify("base", List.of(
        turn("done", Optional.of(DONE), Optional.empty()),
        new ResultClassifier.Turn(resource("drifted"), Optional.empty(), Optional.of(STILL), cancelled),
        new ResultClassifier.Turn(resource("fine"), Optional.empty(), Optional.empty(), cancelled))));
    assertThat(results).extracting(ResourceResult::status)
        .containsExactly(ResourceStatus.CHANGED, ResourceStatus.SKIPPED, ResourceStatus.OK);
    assertThat(results.get(1).error()).isEqualTo(cancelled);
  }

  @Test
  void eachResultNamesItsResourceAndPhase() {
    ResourceResult result = one(turn("a", Optional.empty(), Optional.empty()));
    assertThat(result.id()).isEqualTo("command:a");
    assertThat(result.type()).isEqualTo("command");
    assertThat(result.phase()).isEqualTo("base");
  }
}
