package io.reconcile.cli;

import io.reconcile.plan.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The whole run's deadline (--run-timeout): when it passes, the run is cancelled (nothing new starts,
 * what was not done fails) and no remote script runs past it ({@link SshHostConnector} caps them).
 */
final class RunDeadline implements AutoCloseable {
  private final Optional<Instant> at;
  private final Optional<Timer> timer;

  private RunDeadline(Optional<Instant> at, Optional<Timer> timer) {
    this.at = at;
    this.timer = timer;
  }

  static RunDeadline start(Optional<Duration> limit, Cancellation cancellation) {
    if (limit.isEmpty()) {
      return new RunDeadline(Optional.empty(), Optional.empty());
    }
    Instant at = Instant.now().plus(limit.get());
    Timer timer = new Timer("reconcile-deadline", true);
    timer.schedule(new TimerTask() {
      @Override
      public void run() {
        cancellation.deadlinePassed("the run's deadline passed (--run-timeout " + limit.get().toSeconds() + " s)");
      }
    }, limit.get().toMillis());
    return new RunDeadline(Optional.of(at), Optional.of(timer));
  }

  Optional<Instant> at() {
    return at;
  }

  @Override
  public void close() {
    timer.ifPresent(Timer::cancel);
  }
}
