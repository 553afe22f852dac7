package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.host.HostResource;
import io.reconcile.state.Handler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declared state made concrete for every host, phase by phase, in apply order. Built (and so
 * validated: every template rendered) before any host is contacted.
 */
public record DesiredState(ImmutableList<PhaseState> phases, ImmutableMap<String, Handler> handlers) {

  /** Only these resources (by id) of each host; a host not named keeps none. Handlers stay. */
  public DesiredState only(Map<String, Set<String>> idsByHost) {
    ImmutableList<PhaseState> kept = phases.stream().map(phase -> {
      ImmutableMap.Builder<String, ImmutableList<HostResource>> byHost = ImmutableMap.builder();
      phase.resourcesByHost().forEach((host, resources) -> {
        Set<String> ids = idsByHost.getOrDefault(host, Set.of());
        ImmutableList<HostResource> selected = resources.stream()
            .filter(r -> ids.contains(r.declaration().id().toString())).collect(ImmutableList.toImmutableList());
        if (!selected.isEmpty()) {
          byHost.put(host, selected);
        }
      });
      return new PhaseState(phase.name(), byHost.build(), phase.backup());
    }).collect(ImmutableList.toImmutableList());
    return new DesiredState(kept, handlers);
  }

  /**
   * One phase: each host's resources, in apply order. Hosts the phase does not target are absent.
   * {@code backup}: the databases dumped around the phase in apply, when it declares them.
   */
  public record PhaseState(String name, ImmutableMap<String, ImmutableList<HostResource>> resourcesByHost,
      Optional<Backup> backup) {
    public PhaseState(String name, ImmutableMap<String, ImmutableList<HostResource>> resourcesByHost) {
      this(name, resourcesByHost, Optional.empty());
    }

    public ImmutableList<HostResource> resourcesOf(String host) {
      return resourcesByHost.getOrDefault(host, ImmutableList.of());
    }
  }

  /**
   * The databases a phase may change, reached and dumped through {@code host}.
   *
   * @param selected whether the run (after --limit) may contact that host
   */
  public record Backup(HostTarget host, boolean selected, ImmutableList<DatabaseEndpoint> databases) {}
}
