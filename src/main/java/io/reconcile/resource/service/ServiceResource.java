package io.reconcile.resource.service;

import io.reconcile.host.Change;
import io.reconcile.host.HostAction;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ServiceFact;
import io.reconcile.host.ShellResource;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Declaration;
import java.util.Optional;

public record ServiceResource(Declaration declaration, ServiceSpec spec) implements ShellResource {
  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.service(spec.name());
    spec.listen().ifPresent(observation::port);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    ServiceFact fact = facts.service(spec.name());
    ImmutableList.Builder<HostAction> actions = ImmutableList.builder();
    boolean wantRunning = spec.state().map(s -> s == ServiceSpec.Running.RUNNING).orElse(fact.running());
    boolean wantEnabled = spec.enabled().orElse(fact.enabled());
    if (!fact.known()) {
      // Stopping or disabling a service that does not exist is already true; anything else cannot be done.
      return wantRunning || wantEnabled
          ? Optional.of(new Change("not installed", describe(wantRunning, wantEnabled), Optional.empty(),
              ImmutableList.of(new ServiceControl(spec.name(), wantRunning ? "start" : "stop"))))
          : Optional.empty();
    }
    if (wantEnabled != fact.enabled()) {
      actions.add(new ServiceBoot(spec.name(), wantEnabled));
    }
    boolean deaf = fact.running() && spec.listen().map(l -> !facts.listening(l)).orElse(false);
    if (wantRunning != fact.running()) {
      actions.add(new ServiceControl(spec.name(), wantRunning ? "start" : "stop", wantRunning ? spec.listen() : Optional.empty()));
    } else if (deaf) {
      actions.add(new ServiceControl(spec.name(), "restart", spec.listen()));
    }
    ImmutableList<HostAction> needed = actions.build();
    return needed.isEmpty()
        ? Optional.empty()
        : Optional.of(new Change(deaf ? "running, not answering on " + spec.listen().get() : describe(fact.running(), fact.enabled()),
            describe(wantRunning, wantEnabled), Optional.empty(), needed));
  }

  private String describe(boolean running, boolean enabled) {
    String state = running ? "running" + spec.listen().map(l -> " on " + l).orElse("") : "stopped";
    return spec.enabled().isPresent() ? state + (enabled ? ", enabled" : ", disabled") : state;
  }
}
