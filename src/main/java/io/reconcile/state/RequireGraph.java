package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import io.reconcile.input.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a phase's declarations: declaration order, moved only as far as `require` demands (a stable
 * topological sort). Rejects requirements on unknown or later resources, and cycles.
 */
public final class RequireGraph {
  private final ImmutableList<Phase> phases;

  RequireGraph(ImmutableList<Phase> phases) {
    this.phases = phases;
  }

  void check() {
    Map<ResourceId, Integer> phaseOf = new HashMap<>();
    for (int i = 0; i < phases.size(); i++) {
      for (Declaration d : phases.get(i).declarations()) {
        phaseOf.put(d.id(), i);
      }
    }
    for (int i = 0; i < phases.size(); i++) {
      for (Declaration d : phases.get(i).declarations()) {
        for (ResourceId required : d.requires()) {
          Integer where = phaseOf.get(required);
          if (where == null) {
            throw new InvalidInputException(d.location().file(), d.location().line(),
                d.id() + " requires unknown resource '" + required + "'");
          }
          if (where > i) {
            throw new InvalidInputException(d.location().file(), d.location().line(),
                d.id() + " requires '" + required + "' of a later phase (" + phases.get(where).name() + ")");
          }
        }
      }
      order(phases.get(i).declarations());
    }
  }

  /** Declarations in apply order; requirements outside the list (other phases, untagged) are ignored. */
  public static ImmutableList<Declaration> order(List<Declaration> declarations) {
    Map<ResourceId, Declaration> byId = new LinkedHashMap<>();
    declarations.forEach(d -> byId.put(d.id(), d));
    List<Declaration> ordered = new ArrayList<>();
    Set<ResourceId> done = new HashSet<>();
    Set<ResourceId> visiting = new HashSet<>();
    for (Declaration d : declarations) {
      visit(d, byId, done, visiting, ordered, new ArrayList<>());
    }
    return ImmutableList.copyOf(ordered);
  }

  private static void visit(Declaration d, Map<ResourceId, Declaration> byId, Set<ResourceId> done,
      Set<ResourceId> visiting, List<Declaration> ordered, List<ResourceId> path) {
    if (done.contains(d.id())) {
      return;
    }
    path.add(d.id());
    if (!visiting.add(d.id())) {
      List<ResourceId> cycle = path.subList(path.indexOf(d.id()), path.size());
      throw new InvalidInputException(d.location().file(), d.location().line(),
          "require cycle: " + String.join(" -> ", cycle.stream().map(ResourceId::toString).toList()));
    }
    for (ResourceId required : d.requires()) {
      Declaration dependency = byId.get(required);
      if (dependency != null) {
        visit(dependency, byId, done, visiting, ordered, path);
      }
    }
    visiting.remove(d.id());
    path.remove(path.size() - 1);
    done.add(d.id());
    ordered.add(d);
  }
}
