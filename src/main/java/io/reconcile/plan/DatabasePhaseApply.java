package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.DatabaseResource;
import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.report.ResourceStatus;
import java.util.List;
import java.util.Optional;

/**
 * Apply of one phase's database invariants: each in order, plan, apply in its own transaction, plan again.
 * After a cancellation no further invariant starts.
 */
final class DatabasePhaseApply {
  private final DatabaseSession session;
  private final Cancellation cancellation;

  DatabasePhaseApply(DatabaseSession session, Cancellation cancellation) {
    this.session = session;
    this.cancellation = cancellation;
  }

  ImmutableList<ResourceOutcome> run(String phase, List<DatabaseResource> resources) {
    ImmutableList.Builder<ResourceOutcome> results = ImmutableList.builder();
    boolean failed = false;
    for (DatabaseResource resource : resources) {
      if (failed) {
        results.add(ResourceOutcome.of(resource,
            ResourceResults.skipped(resource, phase, ResultClassifier.AFTER_FAILURE)));
        continue;
      }
      if (cancellation.reason().isPresent()) {
        results.add(ResourceOutcome.of(resource, ResourceResults.skipped(resource, phase, cancellation.skipReason())));
        continue;
      }
      Optional<DatabasePlan> plan = resource.plan(session);
      if (plan.isEmpty()) {
        results.add(ResourceOutcome.of(resource, ResourceResults.ok(resource, phase)));
        continue;
      }
      ApplyOutcome outcome = plan.get().apply(session);
      Optional<DatabasePlan> remaining = outcome.done() ? resource.plan(session) : Optional.empty();
      ResourceStatus status = outcome.done() && remaining.isEmpty() ? ResourceStatus.CHANGED : ResourceStatus.FAILED;
      Optional<String> error = !outcome.done() ? outcome.error()
          : remaining.map(r -> "still differs after apply: now " + r.change().before() + ", wanted " + r.change().after());
      failed = status == ResourceStatus.FAILED;
      results.add(ResourceOutcome.of(resource,
          ResourceResults.of(resource, phase, status, plan.get().change(), error, outcome.backups())));
    }
    return results.build();
  }
}
