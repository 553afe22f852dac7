package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.ScriptAction;
import io.reconcile.host.Touches;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;
import io.reconcile.state.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which changes of a phase go together in one script. */
final class ScriptBatch {
  private ScriptBatch() {}

  /** A resource's change, decided and not made yet. */
  record Planned(ShellResource resource, Change change) {}

  /**
   * The change at hand and, when it only touches files, the file changes of the resources after it
   * that the same facts decide: up to the first that touches what a later resource observes, or one
   * that is not a file change. One script carries them all.
   */
  static ImmutableList<Planned> of(int from, Change first, List<ShellResource> resources, HostFacts facts,
      Map<ResourceId, ?> applied) {
    ImmutableList.Builder<Planned> batch = ImmutableList.builder();
    batch.add(new Planned(resources.get(from), first));
    boolean open = onlyFiles(first) && !touchesLaterFacts(first, resources.subList(from + 1, resources.size()));
    for (int j = from + 1; open && j < resources.size(); j++) {
      ShellResource next = resources.get(j);
      Optional<Change> change = applied.containsKey(next.declaration().id()) ? Optional.empty() : next.compare(facts);
      if (change.isEmpty()) {
        continue;
      }
      if (!onlyFiles(change.get())) {
        break;
      }
      batch.add(new Planned(next, change.get()));
      open = !touchesLaterFacts(change.get(), resources.subList(j + 1, resources.size()));
    }
    return batch.build();
  }

  static boolean hasPackages(Change change) {
    return !change.aptArguments().isEmpty();
  }

  /** A declared command's script is bounded by the command's own timeout alone. */
  static boolean hasCommand(List<Planned> batch) {
    return batch.stream().flatMap(p -> p.change().scripts().stream()).anyMatch(ScriptAction::boundedByItsOwnTimeout);
  }

  /** Whether all the change does is to files; a refused change does nothing and goes in no batch. */
  private static boolean onlyFiles(Change change) {
    return change.refusal().isEmpty() && change.aptArguments().isEmpty()
        && change.scripts().stream().allMatch(a -> a.touches() instanceof Touches.File);
  }

  /** Whether an applied change may have altered what the resources after it observe. */
  private static boolean touchesLaterFacts(Change change, List<ShellResource> later) {
    if (later.isEmpty()) {
      return false;
    }
    if (hasPackages(change)) {
      return true; // apt's maintainer scripts may alter anything
    }
    ObservationRequest.Builder builder = ObservationRequest.builder();
    later.forEach(r -> r.request(builder));
    ObservationRequest observed = builder.build();
    return change.scripts().stream().anyMatch(a -> observed.sees(a.touches()));
  }
}
