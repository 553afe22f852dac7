package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.HostResource;
import io.reconcile.state.Handler;

/**
 * The declared state made concrete for every host, phase by phase, in apply order. Built (and so
 * validated: every template rendered) before any host is contacted.
 */
public record DesiredState(ImmutableList<PhaseState> phases, ImmutableMap<String, Handler> handlers) {

  /** One phase: each host's resources, in apply order. Hosts the phase does not target are absent. */
  public record PhaseState(String name, ImmutableMap<String, ImmutableList<HostResource>> resourcesByHost) {
    public ImmutableList<HostResource> resourcesOf(String host) {
      return resourcesByHost.getOrDefault(host, ImmutableList.of());
    }
  }
}
