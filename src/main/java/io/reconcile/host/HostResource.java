package io.reconcile.host;

import io.reconcile.state.Declaration;
import java.util.Optional;

/**
 * A declaration made concrete for one host (templates rendered). It says what to observe, and decides
 * from the observed facts whether the host differs and what would remove the difference.
 */
public interface HostResource {
  Declaration declaration();

  void request(ObservationRequest.Builder observation);

  /** Empty when the host already matches. */
  Optional<Change> compare(HostFacts facts);
}
