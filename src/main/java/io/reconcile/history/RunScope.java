package io.reconcile.history;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a run covered: its --tags, --skip-tags and --limit. Runs of the same scope are comparable (the
 * last successful quota re-verify is the last successful check of scope "tags=quota").
 */
public record RunScope(ImmutableList<String> tags, ImmutableList<String> skipTags, Optional<String> limit) {

  public static RunScope of(Collection<String> tags, Collection<String> skipTags, Optional<String> limit) {
    return new RunScope(ImmutableList.sortedCopyOf(tags), ImmutableList.sortedCopyOf(skipTags), limit);
  }

  /** "all", or e.g. "tags=quota;skip-tags=slow;limit=astakos*": stable for the same selection. */
  public String label() {
    List<String> parts = new ArrayList<>();
    if (!tags.isEmpty()) {
      parts.add("tags=" + String.join(",", tags));
    }
    if (!skipTags.isEmpty()) {
      parts.add("skip-tags=" + String.join(",", skipTags));
    }
    limit.ifPresent(l -> parts.add("limit=" + l));
    return parts.isEmpty() ? "all" : String.join(";", parts);
  }
}
