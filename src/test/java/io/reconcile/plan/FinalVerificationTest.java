package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.resource.command.CommandResource;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostFacts;
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

class FinalVerificationTest {
  /** Done once {@code creates} exists; the name is its id, so two of them can share one. */
  private static CommandResource creating(String name, String creates) {
    CommandSpec spec =
        new CommandSpec("touch " + creates, Optional.empty(), Optional.of(creates), Duration.ofMinutes(1));
    return new CommandResource(new Declaration(new ResourceId("command", name), spec, "all", ImmutableSet.of(),
        ImmutableList.of(), ImmutableList.of(), Optional.empty(), ImmutableMap.of(), new Location("states/x.yml", 1)),
        spec);
  }

  private static ResourceOutcome outcome(CommandResource resource, ResourceStatus status) {
    return ResourceOutcome.of(resource, new ResourceResult(resource.declaration().id().toString(), "command", "base",
        status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ImmutableList.of()));
  }

  private static final HostFacts ONLY_KEPT_EXISTS = new HostFacts(ImmutableMap.of(), ImmutableMap.of(
      "/kept", new FileFact("/kept", true, true, "root", "root", 0644, 0, "", Optional.empty(), Optional.empty()),
      "/gone", FileFact.absent("/gone")), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());

  @Test
  void whatHeldButDiffersNowIsFailedAsUndoneAndTheRestStaysAsItWas() {
    CommandResource kept = creating("kept", "/kept");
    CommandResource gone = creating("gone", "/gone");
    CommandResource failed = creating("failed", "/gone");
    ResourceOutcome handler = ResourceOutcome.undeclared(new ResourceResult("handler:h", "handler", "base",
        ResourceStatus.CHANGED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        ImmutableList.of()));
    List<ResourceOutcome> applied = List.of(outcome(kept, ResourceStatus.CHANGED), outcome(gone, ResourceStatus.OK),
        outcome(failed, ResourceStatus.FAILED), handler);
    ImmutableList<ResourceOutcome> verified = FinalVerification.judged(applied, ONLY_KEPT_EXISTS);
    assertThat(verified).extracting(o -> o.result().status()).containsExactly(ResourceStatus.CHANGED,
        ResourceStatus.FAILED, ResourceStatus.FAILED, ResourceStatus.CHANGED);
    assertThat(verified.get(1).result().error())
        .contains("undone by a later phase of this run: now pending, wanted done");
    assertThat(verified.get(1).resource()).containsSame(gone);
    assertThat(verified.get(2)).isSameAs(applied.get(2));
  }

  @Test
  void eachOutcomeIsJudgedOnItsOwnResourceEvenWhenTwoShareAnId() {
    CommandResource earlier = creating("same", "/gone");
    CommandResource later = creating("same", "/kept");
    ImmutableList<ResourceOutcome> verified = FinalVerification.judged(
        List.of(outcome(earlier, ResourceStatus.CHANGED), outcome(later, ResourceStatus.CHANGED)), ONLY_KEPT_EXISTS);
    assertThat(verified).extracting(o -> o.result().status())
        .containsExactly(ResourceStatus.FAILED, ResourceStatus.CHANGED);
  }
}
