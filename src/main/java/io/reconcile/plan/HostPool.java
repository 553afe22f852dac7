package io.reconcile.plan;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One step of a run on many hosts, up to {@code forks} at a time: each host's work returns its outcome,
 * and the step returns them all, by host in the order given. After a {@link Cancellation} no host starts.
 */
final class HostPool {
  private final int forks;
  private final RunListener listener;
  private final Cancellation cancellation;

  HostPool(int forks, RunListener listener, Cancellation cancellation) {
    this.forks = forks;
    this.listener = listener;
    this.cancellation = cancellation;
  }

  /** {@code work} for each host, or {@code skipped} for the hosts not started because the run was cancelled. */
  <T> ImmutableMap<String, HostOutcome<T>> run(String step, List<HostTarget> hosts,
      Function<HostTarget, HostOutcome<T>> work, Function<HostTarget, HostOutcome<T>> skipped) {
    if (hosts.isEmpty()) {
      return ImmutableMap.of();
    }
    listener.phaseStarted(step, hosts.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, hosts.size()), r -> {
      Thread t = new Thread(r, "host-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<HostOutcome<T>>> futures = new ArrayList<>();
      for (HostTarget host : hosts) {
        futures.add(pool.submit(() -> {
          if (cancellation.reason().isPresent()) {
            return skipped.apply(host);
          }
          listener.hostStarted(step, host.name());
          HostOutcome<T> outcome = work.apply(host);
          listener.hostFinished(step, outcome.result());
          return outcome;
        }));
      }
      ImmutableMap.Builder<String, HostOutcome<T>> outcomes = ImmutableMap.builder();
      for (int i = 0; i < hosts.size(); i++) {
        HostTarget host = hosts.get(i);
        try {
          outcomes.put(host.name(), futures.get(i).get());
        } catch (ExecutionException e) {
          outcomes.put(host.name(), HostOutcome.failed(host, String.valueOf(e.getCause())));
        }
      }
      return outcomes.buildKeepingLast();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
