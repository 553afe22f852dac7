package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.HostShell;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.List;
import java.util.Optional;

/**
 * After every phase ran, one more observation of each host's shell resources of all phases: a resource
 * that held at the end of its phase but was undone by a later one (a package upgrade restarting a
 * service stopped earlier) is `failed`, so apply never reports a state that no longer holds.
 */
final class FinalVerification {
  private FinalVerification() {}

  /**
   * A host's outcomes of every phase, verified on one more observation when it can tell anything new.
   *
   * @param phases how many phases the run has
   */
  static ImmutableList<ResourceOutcome> verify(HostShell shell, int phases, ImmutableList<ResourceOutcome> applied) {
    ImmutableList<ShellResource> resources = applied.stream().flatMap(o -> shellResource(o).stream())
        .collect(ImmutableList.toImmutableList());
    if (resources.size() < 2 || phases < 2) {
      return applied; // within one phase, the phase's own re-observation already decided
    }
    if (applied.stream().noneMatch(o -> o.result().status() == ResourceStatus.CHANGED)) {
      return applied; // nothing done on this host: each phase's observation still holds
    }
    return judged(applied, HostObserver.observe(shell, resources));
  }

  /** Each outcome that held at the end of its phase, failed when its resource differs in {@code after}. */
  static ImmutableList<ResourceOutcome> judged(List<ResourceOutcome> applied, HostFacts after) {
    return applied.stream()
        .map(o -> shellResource(o).filter(r -> held(o.result())).flatMap(r -> r.compare(after))
            .map(undone -> new ResourceOutcome(undone(o.result(), undone), o.resource()))
            .orElse(o))
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean held(ResourceResult result) {
    return result.status() == ResourceStatus.OK || result.status() == ResourceStatus.CHANGED;
  }

  private static ResourceResult undone(ResourceResult result, Change change) {
    return new ResourceResult(result.id(), result.type(), result.phase(), ResourceStatus.FAILED,
        Optional.of(change.before()), Optional.of(change.after()), change.diff(),
        Optional.of("undone by a later phase of this run: now " + change.before() + ", wanted " + change.after()),
        result.backups());
  }

  private static Optional<ShellResource> shellResource(ResourceOutcome outcome) {
    return outcome.resource().filter(ShellResource.class::isInstance).map(ShellResource.class::cast);
  }
}
