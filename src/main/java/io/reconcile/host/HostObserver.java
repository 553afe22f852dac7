package io.reconcile.host;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Observes everything a list of resources needs in one round trip, and compares. */
public final class HostObserver {
  static final Duration OBSERVE_TIMEOUT = Duration.ofMinutes(2);

  /** The facts of resources that need none. */
  private static final HostFacts NOTHING =
      new HostFacts(ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());

  private HostObserver() {}

  /** The one script that observes what these resources need; empty when they need nothing. */
  static Optional<ObservationScript> script(List<? extends ShellResource> resources) {
    ObservationRequest.Builder request = ObservationRequest.builder();
    resources.forEach(r -> r.request(request));
    ObservationRequest built = request.build();
    return built.isEmpty() ? Optional.empty() : Optional.of(new ObservationScript(built));
  }

  public static HostFacts observe(HostShell shell, List<? extends ShellResource> resources) {
    Optional<ObservationScript> observation = script(resources);
    if (observation.isEmpty()) {
      return NOTHING;
    }
    ObservationScript script = observation.get();
    ShellResult result;
    try {
      result = shell.run(script.script(), new byte[0], OBSERVE_TIMEOUT);
    } catch (CommandTimeoutException e) {
      throw new IllegalStateException("observation: " + e.getMessage(), e); // name the step that hung
    }
    if (result.exitStatus() != 0) {
      throw new IllegalStateException("observation failed (exit " + result.exitStatus() + "): " + result.errorTail());
    }
    return script.parse(result.stdoutText());
  }
}
