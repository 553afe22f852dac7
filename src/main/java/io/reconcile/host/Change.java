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

  /** The apt-get arguments of its package changes. */
  public ImmutableList<String> aptArguments() {
    return actions.stream().filter(PackageChange.class::isInstance).map(a -> ((PackageChange) a).aptArgument())
        .collect(ImmutableList.toImmutableList());
  }

  /** Its actions that are scripts of their own: all but the package changes. */
  public ImmutableList<ScriptAction> scripts() {
    return actions.stream().filter(ScriptAction.class::isInstance).map(ScriptAction.class::cast)
        .collect(ImmutableList.toImmutableList());
  }

  /** A difference this host cannot remove, and why. */
  public static Change refused(String before, String after, Optional<String> diff, String reason) {
    return new Change(before, after, diff, ImmutableList.of(), Optional.of(new Refusal(reason)));
  }
}
