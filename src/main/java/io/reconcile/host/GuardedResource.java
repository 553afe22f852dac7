package io.reconcile.host;

import io.reconcile.state.Declaration;
import java.util.Optional;

/**
 * A shell resource that applies only while its `when` command exits 0 on the host; otherwise there is
 * nothing to do. The guard is observed in the same round trip as everything else.
 */
public record GuardedResource(ShellResource resource, String when) implements ShellResource {
  @Override
  public Declaration declaration() {
    return resource.declaration();
  }

  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.guard(when);
    resource.request(observation);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    return facts.guard(when) == 0 ? resource.compare(facts) : Optional.empty();
  }
}
