package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * How a resource differs on a host (before / after, maybe a diff) and the actions that remove it; or, for
 * a difference the host cannot remove, the refusal instead of any action.
 */
public record Change(String before, String after, Optional<String> diff, ImmutableList<HostAction> actions,
    Optional<Refusal> refusal) {
  public Change {
    if (refusal.isPresent() && !actions.isEmpty()) {
      throw new IllegalArgumentException("a refused change has no actions: " + actions);
    }
  }

  public Change(String before, String after, Optional<String> diff, ImmutableList<HostAction> actions) {
    this(before, after, diff, actions, Optional.empty());
  }

  /** A difference this host cannot remove, and why. */
  public static Change refused(String before, String after, Optional<String> diff, String reason) {
    return new Change(before, after, diff, ImmutableList.of(), Optional.of(new Refusal(reason)));
  }
}
