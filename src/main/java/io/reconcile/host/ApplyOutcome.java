package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** What happened when apply acted on one resource: done, or why not; and the backups it made. */
public record ApplyOutcome(boolean done, Optional<String> error, ImmutableList<String> backups) {
  public static ApplyOutcome success(ImmutableList<String> backups) {
    return new ApplyOutcome(true, Optional.empty(), backups);
  }

  public static ApplyOutcome failure(String error) {
    return new ApplyOutcome(false, Optional.of(error), ImmutableList.of());
  }

  /** How every failed script reads: what it did, its exit status, the end of its own output. */
  static ApplyOutcome failed(String what, int exitStatus, String errorTail) {
    return failure(what + " failed (exit " + exitStatus + "): " + errorTail);
  }
}
