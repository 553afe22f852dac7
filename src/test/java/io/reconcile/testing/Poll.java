package io.reconcile.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by checking it again and again: tests synchronise on states, never on sleeps. */
public final class Poll {
  private static final long INTERVAL_MILLIS = 100;

  private Poll() {}

  /** Returns once {@code condition} holds; fails the test if it does not within {@code limit}. */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("still waiting after " + limit.toSeconds() + " s until " + what);
      }
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }
}
