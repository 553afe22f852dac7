package io.reconcile.plan;

import io.reconcile.report.HostResult;

/**
 * Optional callbacks on the progress of a run, for a live display or log lines. Hosts run in
 * parallel, so implementations are called from several threads at once. A phase here is a step of
 * the run over some hosts: "check" in check mode; each declared phase, then "verify", in apply mode.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A step starts on {@code hosts} hosts (only hosts it has work for; others are never contacted). */
  default void phaseStarted(String phase, int hosts) {}

  default void hostStarted(String phase, String host) {}

  /** The host's outcome for this step. */
  default void hostFinished(String phase, HostResult result) {}

  /** The run is over: the report follows. */
  default void runFinished() {}
}
