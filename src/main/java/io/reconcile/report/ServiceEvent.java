package io.reconcile.report;

import java.time.Instant;

/**
 * A script of an apply that stopped a web service of the cloud or brought it back, and when, as the run
 * saw it: {@link Kind#STOPPED} when the script was sent (the service may stop answering from then on),
 * {@link Kind#STARTED} and {@link Kind#RELOADED} when it came back done (docs/operations.md, "Outage window").
 *
 * @param cause the resource or handler whose script it was, e.g. {@code service:gunicorn-down-before-upgrade}
 */
public record ServiceEvent(String host, String service, Kind kind, Instant at, String cause) {
  public enum Kind { STOPPED, STARTED, RELOADED }

  /** "gunicorn on astakos1 (service:gunicorn-down-before-upgrade)". */
  String describe() {
    return service + " on " + host + " (" + cause + ")";
  }
}
