package io.reconcile.db.usersunique;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the Astakos accounts sharing an email (compared case-insensitively) survives. Ties fall to the
 * lower id, so the choice is the same on every run as long as the accounts are.
 */
public enum SurvivorRule {
  OLDEST(Comparator.comparing(AstakosAccount::joined)),
  NEWEST(Comparator.comparing(AstakosAccount::joined).reversed()),
  ACTIVE_THEN_OLDEST(Comparator.comparing((AstakosAccount a) -> !a.active()).thenComparing(AstakosAccount::joined)),
  ACTIVE_THEN_NEWEST(Comparator.comparing((AstakosAccount a) -> !a.active()).thenComparing(AstakosAccount::joined, Comparator.reverseOrder()));

  private final Comparator<AstakosAccount> preference;

  SurvivorRule(Comparator<AstakosAccount> preference) {
    this.preference = preference.thenComparingInt(AstakosAccount::id);
  }

  /** The name used in declarations, e.g. "active-then-oldest". */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<SurvivorRule> parse(String label) {
    for (SurvivorRule rule : values()) {
      if (rule.label().equals(label)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /**
   * The survivor of one group: the account listed in {@code keep} if there is one, else the first by this
   * rule. Empty when the group holds several accounts listed in {@code keep} (the operator must choose).
   */
  public Optional<AstakosAccount> choose(List<AstakosAccount> group, Set<Integer> keep) {
    List<AstakosAccount> kept = group.stream().filter(a -> keep.contains(a.id())).toList();
    if (kept.size() > 1) {
      return Optional.empty();
    }
    return kept.isEmpty() ? group.stream().min(preference) : Optional.of(kept.get(0));
  }
}
