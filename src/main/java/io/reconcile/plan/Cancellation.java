package io.reconcile.plan;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to end a run early (SIGINT, SIGTERM, or the run's deadline passing): no host, phase or
 * resource starts after it; what is in flight finishes (a resource being applied, the handlers it
 * notified, the observation after it), and the report marks the rest skipped with the reason. A signal
 * interrupts the run (exit 130); a deadline fails the hosts it kept from finishing (exit 4), since
 * nobody asked the run to stop. Thread-safe; the first reason wins.
 */
public final class Cancellation {
  private final AtomicReference<String> reason = new AtomicReference<>();
  private volatile boolean deadline;

  public void cancel(String why) {
    reason.compareAndSet(null, why);
  }

  /** The run's deadline passed. */
  public void deadlinePassed(String why) {
    if (reason.compareAndSet(null, why)) {
      deadline = true;
    }
  }

  /** Why the run was interrupted (by a signal): what the report says; empty after a deadline. */
  Optional<String> interruption() {
    return deadline ? Optional.empty() : reason();
  }

  boolean byDeadline() {
    return deadline && reason.get() != null;
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
