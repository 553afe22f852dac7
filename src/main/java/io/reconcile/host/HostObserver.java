package io.reconcile.host;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.List;

/** Observes everything a list of resources needs in one round trip, and compares. */
public final class HostObserver {
  private static final Duration OBSERVE_TIMEOUT = Duration.ofMinutes(2);

  private HostObserver() {}

  public static HostFacts observe(HostShell shell, List<? extends ShellResource> resources) {
    ObservationRequest.Builder request = ObservationRequest.builder();
    resources.forEach(r -> r.request(request));
    ObservationRequest built = request.build();
    if (built.isEmpty()) {
      return new HostFacts(ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());
    }
    ObservationScript script = new ObservationScript(built);
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
