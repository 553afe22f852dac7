package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.reconcile.host.Change;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Findings made of offender rows (and maybe blockers), with the report's summary words.
 *
 * @param before e.g. "quotas differ for 3 users (5 holdings)"
 * @param after e.g. "in sync"
 */
public record Observed(Offenders offenders, ImmutableList<String> blockers, String before, String after) implements Findings {
  @Override
  public boolean holds() {
    return offenders.isEmpty() && blockers.isEmpty();
  }

  @Override
  public String digest() {
    return holds() ? "" : Hashing.sha256().hashString(offenders.digest() + "|" + String.join("\n", blockers), StandardCharsets.UTF_8).toString();
  }

  /** Blockers alone (nothing apply could change yet) are summed up by the first of them. */
  @Override
  public Change change() {
    String summary = offenders.isEmpty() && !blockers.isEmpty()
        ? "blocked: " + blockers.get(0) + (blockers.size() > 1 ? " (and " + (blockers.size() - 1) + " more)" : "")
        : before;
    return new Change(summary, after, Optional.of(offenders.diff(blockers)), ImmutableList.of());
  }
}
