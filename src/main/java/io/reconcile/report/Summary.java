package io.reconcile.report;

import java.util.List;

/** The counts of docs/contracts.md's `summary`; {@code changes} counts `drift` (check) or `changed` (apply) resources. */
public record Summary(int hosts, int ok, int drifted, int changed, int failed, int unreachable, int changes) {
  public static Summary of(List<HostResult> hosts) {
    int changes = (int) hosts.stream()
        .flatMap(h -> h.resources().stream())
        .filter(r -> r.status() == ResourceStatus.DRIFT || r.status() == ResourceStatus.CHANGED)
        .filter(r -> !r.type().equals("handler"))
        .count();
    return new Summary(hosts.size(), count(hosts, HostStatus.OK), count(hosts, HostStatus.DRIFTED),
        count(hosts, HostStatus.CHANGED), count(hosts, HostStatus.FAILED), count(hosts, HostStatus.UNREACHABLE), changes);
  }

  private static int count(List<HostResult> hosts, HostStatus status) {
    return (int) hosts.stream().filter(h -> h.status() == status).count();
  }
}
