package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.HostResource;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.util.Optional;

/** Builds report entries for a host resource. */
final class ResourceResults {
  private ResourceResults() {}

  static ResourceResult of(HostResource resource, String phase, ResourceStatus status, Change change, Optional<String> error,
      ImmutableList<String> backups) {
    return new ResourceResult(resource.declaration().id().toString(), resource.declaration().id().type(), phase, status,
        Optional.of(change.before()), Optional.of(change.after()), change.diff(), error, backups);
  }

  static ResourceResult ok(HostResource resource, String phase) {
    return ResourceResult.ok(resource.declaration().id().toString(), resource.declaration().id().type(), phase);
  }

  static ResourceResult skipped(HostResource resource, String phase, String reason) {
    return ResourceResult.skipped(resource.declaration().id().toString(), resource.declaration().id().type(), phase, reason);
  }
}
