package io.reconcile.plan;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of a host's work on a thread of its own, so that the host's worker does something else
 * meanwhile; {@code get} waits for it and throws what it threw. A thread per piece, not a shared pool:
 * every host may be waiting at once (a common pool has one thread on two cores).
 */
final class InParallel {
  private InParallel() {}

  static <T> Supplier<T> start(String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return () -> {
      try {
        return task.get();
      } catch (InterruptedException e) {
        task.cancel(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (CancellationException e) {
        throw new IllegalStateException("cancelled", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
    };
  }
}
