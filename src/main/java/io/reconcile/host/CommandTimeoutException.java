package io.reconcile.host;

import java.time.Duration;

/** A script ran longer than its timeout and was stopped. */
public final class CommandTimeoutException extends RuntimeException {
  public CommandTimeoutException(String what, Duration timeout) {
    super(what + " did not finish within " + timeout.toSeconds() + " s");
  }
}
