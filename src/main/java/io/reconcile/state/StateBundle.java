package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Set;

/** Everything loaded from `states/`: ordered phases, handlers, and variable names declared secret. */
public record StateBundle(
    ImmutableList<Phase> phases, ImmutableMap<String, Handler> handlers, ImmutableSet<String> secretVariables) {

  /** The bundle restricted to declarations carrying one of {@code tags} (all of it when empty). */
  public StateBundle withTags(Set<String> tags) {
    if (tags.isEmpty()) {
      return this;
    }
    ImmutableList.Builder<Phase> kept = ImmutableList.builder();
    for (Phase phase : phases) {
      ImmutableList<Declaration> selected = phase.declarations().stream()
          .filter(d -> d.tags().stream().anyMatch(tags::contains))
          .collect(ImmutableList.toImmutableList());
      if (!selected.isEmpty()) {
        kept.add(new Phase(phase.name(), selected));
      }
    }
    return new StateBundle(kept.build(), handlers, secretVariables);
  }

  public int declarationCount() {
    return phases.stream().mapToInt(p -> p.declarations().size()).sum();
  }
}
