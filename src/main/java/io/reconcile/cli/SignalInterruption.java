package io.reconcile.cli;

import com.google.common.util.concurrent.Uninterruptibles;
import io.reconcile.plan.Cancellation;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * SIGINT and SIGTERM while `reconcile` runs become a {@link Cancellation} instead of an abrupt exit. The
 * JVM answers those signals by running shutdown hooks; this one cancels the run, waits until the command
 * has finished (work in flight done, report, JUnit, metrics and run history written), and then ends the
 * process with the command's exit status. Further signals do not hurry it (the JVM is already shutting
 * down); SIGKILL does.
 */
final class SignalInterruption implements AutoCloseable {
  static final String REASON = "interrupted by SIGINT or SIGTERM";

  private final Cancellation cancellation = new Cancellation();
  private final PrintStream err;
  private final CountDownLatch commandDone = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onSignal, "reconcile-signal");
  private volatile int exitCode = Main.INTERNAL_ERROR; // until the command says otherwise

  SignalInterruption(PrintStream err) {
    this.err = err;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  Cancellation cancellation() {
    return cancellation;
  }

  /** The command is over and its output flushed; {@code code} is the exit status, also after a signal. */
  void finished(int code) {
    exitCode = code;
  }

  private void onSignal() {
    cancellation.cancel(REASON);
    err.println("reconcile: " + REASON + ": work in flight finishes and nothing new starts; the report and the run"
        + " history follow");
    err.flush();
    Uninterruptibles.awaitUninterruptibly(commandDone);
    err.flush();
    Runtime.getRuntime().halt(exitCode); // the JVM would otherwise exit with 128 + the signal's number
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running and waits for the count-down below.
    }
    commandDone.countDown();
  }
}
