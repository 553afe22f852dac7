package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.ShellResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After every phase ran, one more observation of each host's shell resources of all phases: a resource
 * that held at the end of its phase but was undone by a later one (a package upgrade restarting a
 * service stopped earlier) is `failed`, so apply never reports a state that no longer holds.
 */
final class FinalVerification {
  private FinalVerification() {}

  static List<ResourceResult> verify(HostLink link, DesiredState desired, String host, List<ResourceResult> results) {
    List<ShellResource> resources = new ArrayList<>();
    Map<String, String> phaseOf = new HashMap<>();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (var resource : phase.resourcesOf(host)) {
        if (resource instanceof ShellResource shell) {
          resources.add(shell);
          phaseOf.put(shell.declaration().id().toString(), phase.name());
        }
      }
    }
    if (resources.size() < 2 || desired.phases().size() < 2) {
      return results; // within one phase, the phase's own re-observation already decided
    }
    if (results.stream().noneMatch(r -> r.status() == ResourceStatus.CHANGED)) {
      return results; // nothing done on this host: each phase's observation still holds
    }
    HostFacts facts = HostObserver.observe(link.shell(), resources);
    Map<String, Change> undone = new HashMap<>();
    resources.forEach(r -> r.compare(facts).ifPresent(c -> undone.put(r.declaration().id().toString(), c)));
    List<ResourceResult> verified = new ArrayList<>();
    for (ResourceResult result : results) {
      Change change = undone.get(result.id());
      boolean held = result.status() == ResourceStatus.OK || result.status() == ResourceStatus.CHANGED;
      if (change == null || !held) {
        verified.add(result);
      } else {
        verified.add(new ResourceResult(result.id(), result.type(), result.phase(), ResourceStatus.FAILED,
            Optional.of(change.before()), Optional.of(change.after()), change.diff(),
            Optional.of("undone by a later phase of this run: now " + change.before() + ", wanted " + change.after()),
            result.backups()));
      }
    }
    return ImmutableList.copyOf(verified);
  }
}
