package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** One resource on one host in a report. */
public record ResourceResult(
    String id,
    String type,
    String phase,
    ResourceStatus status,
    Optional<String> before,
    Optional<String> after,
    Optional<String> diff,
    Optional<String> error,
    ImmutableList<String> backups) {

  public static ResourceResult ok(String id, String type, String phase) {
    return new ResourceResult(id, type, phase, ResourceStatus.OK, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ImmutableList.of());
  }

  public static ResourceResult skipped(String id, String type, String phase, String reason) {
    return new ResourceResult(id, type, phase, ResourceStatus.SKIPPED, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(reason), ImmutableList.of());
  }

  public static ResourceResult failed(String id, String type, String phase, String error) {
    return new ResourceResult(id, type, phase, ResourceStatus.FAILED, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(error), ImmutableList.of());
  }
}
