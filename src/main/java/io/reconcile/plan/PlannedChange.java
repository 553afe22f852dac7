package io.reconcile.plan;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a reviewed plan: what the resource was and will be (masked, as the report shows it), and
 * the digests of the observed facts the decision rests on ({@link FactDigests}).
 */
public record PlannedChange(String id, String type, String phase, String before, String after, Optional<String> diff,
    ImmutableSortedMap<String, String> facts) {
  public PlannedChange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(facts, "facts");
  }
}
