package io.reconcile.ssh;

import java.time.Duration;

/** Durations as operators read them in messages: {@code 700ms}, {@code 10s}, {@code 30m}. */
final class Durations {
  private Durations() {}

  static String describe(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
