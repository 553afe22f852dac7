package io.reconcile.resource.command;

import io.reconcile.host.Change;
import io.reconcile.host.HostAction;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Declaration;
import java.util.Optional;

/** Pending while its guards say so: `unless` exits non-zero and the `creates` path is missing. */
public record CommandResource(Declaration declaration, CommandSpec spec) implements ShellResource {
  @Override
  public void request(ObservationRequest.Builder observation) {
    spec.unless().ifPresent(observation::guard);
    spec.creates().ifPresent(observation::file);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    boolean satisfied = spec.unless().map(u -> facts.guard(u) == 0).orElse(false)
        || spec.creates().map(p -> facts.file(p).exists()).orElse(false);
    return satisfied
        ? Optional.empty()
        : Optional.of(new Change("pending", "done", Optional.empty(),
            ImmutableList.of(new RunCommand(spec.command(), spec.timeout()))));
  }
}
