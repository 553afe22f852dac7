package io.reconcile.host;

import java.util.Optional;

/**
 * A host resource observed through the host's shell. It says what to observe in the batched round trip, and decides
 * from the observed facts whether the host differs and what would remove the difference.
 */
public interface ShellResource extends HostResource {

  void request(ObservationRequest.Builder observation);

  /** Empty when the host already matches. */
  Optional<Change> compare(HostFacts facts);
}
