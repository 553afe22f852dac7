package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.reconcile.resource.service.ServiceBoot;
import io.reconcile.resource.service.ServiceControl;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.ServiceEvent;
import io.reconcile.report.ServiceEvent.Kind;
import org.assertj.core.groups.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which scripts of a phase stop or bring back a web service, and at which end of their round trip. */
class ServiceScriptsTest {
  private static final Instant SENT = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant RETURNED = SENT.plusMillis(700);
  private final List<ServiceEvent> log = new ArrayList<>();
  private final ServiceScripts scripts = new ServiceScripts("astakos1", log::add);

  private static ResourceResult result(String id, ResourceStatus status) {
    return new ResourceResult(id, "service", "finish", status, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ImmutableList.of());
  }

  @Test
  void aStopCountsWhenItsScriptIsSentEvenIfItFails() {
    scripts.ran("service:down", List.of(new ServiceBoot("gunicorn", false),
        new ServiceControl("gunicorn", "stop")), false, SENT, RETURNED);
    assertThat(log).containsExactly(new ServiceEvent("astakos1", "gunicorn", Kind.STOPPED, SENT, "service:down"));
  }

  @Test
  void aStartCountsWhenItCameBackDoneAndThePhaseFoundItsResourceAsDeclared() {
    scripts.ran("service:gunicorn", List.of(new ServiceControl("gunicorn", "start",
        Optional.of("127.0.0.1:8080"))), true, SENT, RETURNED);
    scripts.ran("handler:reload-apache2", List.of(new ServiceControl("apache2", "reload")), true, SENT,
        RETURNED);
    assertThat(log).as("nothing before the phase's own observation").isEmpty();

    scripts.settle(List.of(result("service:gunicorn", ResourceStatus.CHANGED),
        result("handler:reload-apache2", ResourceStatus.CHANGED)));
    assertThat(log).containsExactly(
        new ServiceEvent("astakos1", "gunicorn", Kind.STARTED, RETURNED, "service:gunicorn"),
        new ServiceEvent("astakos1", "apache2", Kind.RELOADED, RETURNED, "handler:reload-apache2"));
  }

  @Test
  void aStartThatFailedOrDidNotHoldIsNoReturn() {
    scripts.ran("service:a", List.of(new ServiceControl("gunicorn", "start")), false, SENT, RETURNED);
    scripts.ran("service:b", List.of(new ServiceControl("snf-dispatcher", "start")), true, SENT, RETURNED);
    scripts.settle(List.of(result("service:a", ResourceStatus.FAILED), result("service:b", ResourceStatus.FAILED)));
    assertThat(log).isEmpty();
  }

  @Test
  void aRestartStopsAtTheSendAndReturnsAtTheReturn() {
    scripts.ran("handler:restart-gunicorn", List.of(new ServiceControl("gunicorn", "restart")), true, SENT,
        RETURNED);
    scripts.settle(List.of(result("handler:restart-gunicorn", ResourceStatus.CHANGED)));
    assertThat(log).extracting(ServiceEvent::kind, ServiceEvent::at)
        .containsExactly(Tuple.tuple(Kind.STOPPED, SENT), Tuple.tuple(Kind.STARTED, RETURNED));
  }

  @Test
  void servicesThatAreNotTheCloudsWebServicesAreNotCounted() {
    scripts.ran("service:memcached", List.of(new ServiceControl("memcached", "stop"),
        new ServiceControl("memcached", "start")), true, SENT, RETURNED);
    scripts.settle(List.of(result("service:memcached", ResourceStatus.CHANGED)));
    assertThat(log).isEmpty();
  }
}
