package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.db.DatabaseResource;
import io.reconcile.host.HostResource;
import io.reconcile.host.ShellResource;
import io.reconcile.state.Handler;
import java.util.List;

/** Apply of one phase on one host. A phase holds host resources or database invariants, never both. */
final class PhaseApply {
  private PhaseApply() {}

  static ImmutableList<ResourceOutcome> run(HostLink link, RunSettings settings, Cancellation cancellation,
      ImmutableMap<String, Handler> handlers, String phase, List<HostResource> resources, ServiceScripts services) {
    if (resources.stream().allMatch(DatabaseResource.class::isInstance)) {
      return new DatabasePhaseApply(link.database(), cancellation)
          .run(phase, resources.stream().map(DatabaseResource.class::cast).toList());
    }
    String backupDir = settings.backupRoot() + "/" + settings.runId();
    return new ShellPhaseApply(link.shell(), backupDir, settings.dpkgLockWait(), handlers, cancellation, services)
        .run(phase, resources.stream().map(ShellResource.class::cast).toList());
  }
}
