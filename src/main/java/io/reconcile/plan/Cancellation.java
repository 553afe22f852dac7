package io.reconcile.plan;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to end a run early (SIGINT, SIGTERM): no host, phase or resource starts after it; what is in
 * flight finishes (a resource being applied, the handlers it notified, the observation after it), and
 * the report marks the rest skipped with the reason. Thread-safe; the first reason wins.
 */
public final class Cancellation {
  private final AtomicReference<String> reason = new AtomicReference<>();

  public void cancel(String why) {
    reason.compareAndSet(null, why);
  }

  /** Why the run was cancelled; empty while it may go on. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason.get());
  }

  /** The reason given to work skipped because of the cancellation. */
  String skipReason() {
    return "not run: " + reason.get();
  }
}
