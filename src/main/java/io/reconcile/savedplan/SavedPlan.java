package io.reconcile.savedplan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.reconcile.plan.HostPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A reviewed plan, as {@code --check --plan-out FILE} saves it and {@code reconcile apply FILE} applies it
 * (docs/decisions/0004-saved-plans.md): what the run was (inventory, states, templates, --limit, --tags),
 * the digest of every file that shaped the desired state, and every host's changes with the digests of
 * the facts they rest on. Before/after texts and diffs are masked as in every report.
 */
public record SavedPlan(
    String runId,
    Instant created,
    Path inventory,
    Path states,
    Path templates,
    Optional<String> limit,
    ImmutableList<String> tags,
    ImmutableList<String> skipTags,
    ImmutableSortedMap<String, String> inputs,
    ImmutableList<HostPlan> hosts) {

  public static final String FORMAT = "reconcile-plan/1";

  /** Each host's plan by name. */
  public ImmutableMap<String, HostPlan> byHost() {
    return hosts.stream().collect(ImmutableMap.toImmutableMap(HostPlan::host, h -> h));
  }

  public int changes() {
    return hosts.stream().mapToInt(h -> h.changes().size()).sum();
  }
}
