package io.reconcile.plan;

import io.reconcile.host.HostAction;
import io.reconcile.resource.service.ServiceControl;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.ServiceEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one phase's scripts on one host did to the web services, as {@link ServiceEvent}s. A stop counts
 * from the moment its script is sent, whatever comes of it (the service may be down from then on); a
 * start, restart or reload counts when its script came back done and the phase's own observation after
 * it found its resource as declared ({@link #settle}), so a service that did not come back is still down.
 */
final class ServiceScripts {
  private final String host;
  private final Consumer<ServiceEvent> log;
  private final List<ServiceEvent> returns = new ArrayList<>();

  ServiceScripts(String host, Consumer<ServiceEvent> log) {
    this.host = host;
    this.log = log;
  }

  /**
   * @param cause the resource or handler the actions are of, as the phase's results name it
   * @param done whether its script came back done
   * @param sent when its script was sent; this and {@code returned} are kept to the millisecond
   */
  void ran(String cause, List<? extends HostAction> actions, boolean done, Instant sent, Instant returned) {
    record(cause, actions, done, sent.truncatedTo(ChronoUnit.MILLIS), returned.truncatedTo(ChronoUnit.MILLIS));
  }

  private void record(String cause, List<? extends HostAction> actions, boolean done, Instant sent, Instant returned) {
    for (HostAction action : actions) {
      if (!(action instanceof ServiceControl control)
          || !OutageLog.WEB_SERVICES.contains(control.service())) {
        continue;
      }
      switch (control.verb()) {
        case "stop" -> log.accept(new ServiceEvent(host, control.service(), ServiceEvent.Kind.STOPPED, sent, cause));
        case "restart" -> {
          log.accept(new ServiceEvent(host, control.service(), ServiceEvent.Kind.STOPPED, sent, cause));
          returned(done, control, ServiceEvent.Kind.STARTED, returned, cause);
        }
        case "start" -> returned(done, control, ServiceEvent.Kind.STARTED, returned, cause);
        case "reload" -> returned(done, control, ServiceEvent.Kind.RELOADED, returned, cause);
        default -> { } // no other verb stops or starts anything
      }
    }
  }

  private void returned(boolean done, ServiceControl control, ServiceEvent.Kind kind, Instant at,
      String cause) {
    if (done) {
      returns.add(new ServiceEvent(host, control.service(), kind, at, cause));
    }
  }

  /** Keeps the returns whose resource or handler the phase reports changed: observed as declared afterwards. */
  void settle(List<ResourceResult> results) {
    for (ServiceEvent back : returns) {
      if (results.stream().anyMatch(r -> r.id().equals(back.cause()) && r.status() == ResourceStatus.CHANGED)) {
        log.accept(back);
      }
    }
    returns.clear();
  }
}
