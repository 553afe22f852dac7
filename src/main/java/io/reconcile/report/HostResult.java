package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** One host in a report: its status, a host-level error (unreachable, ...) and its resources. */
public record HostResult(String name, HostStatus status, Optional<String> error, ImmutableList<ResourceResult> resources) {

  /** The status a host's resources add up to, unless the host itself was unreachable. */
  public static HostStatus statusOf(ImmutableList<ResourceResult> resources, Optional<String> hostError) {
    if (hostError.isPresent() || resources.stream().anyMatch(r -> r.status() == ResourceStatus.FAILED)) {
      return HostStatus.FAILED;
    }
    if (resources.stream().anyMatch(r -> r.status() == ResourceStatus.DRIFT)) {
      return HostStatus.DRIFTED;
    }
    if (resources.stream().anyMatch(r -> r.status() == ResourceStatus.CHANGED)) {
      return HostStatus.CHANGED;
    }
    return HostStatus.OK;
  }

  public long count(ResourceStatus status) {
    return resources.stream().filter(r -> r.status() == status).count();
  }
}
