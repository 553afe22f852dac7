package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Set;
import java.util.function.Predicate;

/** Everything loaded from `states/`: ordered phases, handlers, and variable names declared secret. */
public record StateBundle(
    ImmutableList<Phase> phases, ImmutableMap<String, Handler> handlers, ImmutableSet<String> secretVariables) {

  /** The bundle restricted to declarations carrying one of {@code tags} (all of it when empty). */
  public StateBundle withTags(Set<String> tags) {
    return tags.isEmpty() ? this : keeping(d -> d.tags().stream().anyMatch(tags::contains));
  }

  /** The bundle without declarations carrying any of {@code tags}, as ansible-playbook's --skip-tags. */
  public StateBundle withoutTags(Set<String> tags) {
    return tags.isEmpty() ? this : keeping(d -> d.tags().stream().noneMatch(tags::contains));
  }

  private StateBundle keeping(Predicate<Declaration> kept) {
    ImmutableList.Builder<Phase> phasesKept = ImmutableList.builder();
    for (Phase phase : phases) {
      ImmutableList<Declaration> selected = phase.declarations().stream().filter(kept).collect(ImmutableList.toImmutableList());
      if (!selected.isEmpty()) {
        phasesKept.add(new Phase(phase.name(), selected, phase.backup()));
      }
    }
    return new StateBundle(phasesKept.build(), handlers, secretVariables);
  }

  public int declarationCount() {
    return phases.stream().mapToInt(p -> p.declarations().size()).sum();
  }
}
