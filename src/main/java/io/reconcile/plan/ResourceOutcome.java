package io.reconcile.plan;

import io.reconcile.host.HostResource;
import io.reconcile.report.ResourceResult;
import java.util.Optional;

/**
 * What a run made of one declared resource on one host: its report entry, and the resource itself (none
 * for what is no declaration: a handler, a database dump).
 */
record ResourceOutcome(ResourceResult result, Optional<HostResource> resource) {
  static ResourceOutcome of(HostResource resource, ResourceResult result) {
    return new ResourceOutcome(result, Optional.of(resource));
  }

  /** An entry that is about no declaration. */
  static ResourceOutcome undeclared(ResourceResult result) {
    return new ResourceOutcome(result, Optional.empty());
  }
}
