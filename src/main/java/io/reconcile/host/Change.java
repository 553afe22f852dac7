package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** How a resource differs on a host (before / after, maybe a diff) and the actions that remove it. */
public record Change(String before, String after, Optional<String> diff, ImmutableList<HostAction> actions) {}
