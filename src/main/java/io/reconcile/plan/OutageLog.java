package io.reconcile.plan;

import com.google.common.collect.ImmutableSet;
import io.reconcile.report.OutageWindow;
import io.reconcile.report.ServiceEvent;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The scripts of one apply run, on every host at once, that stopped a web service of the cloud or brought
 * one back: what the run's outage window is computed from (docs/operations.md, "Outage window").
 */
final class OutageLog {
  /**
   * The services whose being down is the cloud's outage: the API and UI servers (gunicorn), Astakos' front
   * end (apache2) and the Cyclades dispatcher (guide section 1 stops exactly these).
   */
  static final ImmutableSet<String> WEB_SERVICES = ImmutableSet.of("gunicorn", "apache2", "snf-dispatcher");

  private final Queue<ServiceEvent> events = new ConcurrentLinkedQueue<>();

  /** Where one host's phase records its scripts. */
  ServiceScripts host(String host) {
    return new ServiceScripts(host, events::add);
  }

  Optional<OutageWindow> window() {
    return OutageWindow.of(events);
  }
}
