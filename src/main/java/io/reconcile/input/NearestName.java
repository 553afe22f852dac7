package io.reconcile.input;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The valid name an operator most likely meant by a misspelt one, for "did you mean" hints. */
public final class NearestName {
  private NearestName() {}

  /** The closest of {@code valid} by edit distance, if it is close enough to be a likely typo. */
  public static Optional<String> of(String given, Collection<String> valid) {
    String lower = given.toLowerCase(Locale.ROOT);
    return valid.stream()
        .min(Comparator.comparingInt((String v) -> distance(lower, v.toLowerCase(Locale.ROOT))).thenComparing(v -> v))
        .filter(v -> distance(lower, v.toLowerCase(Locale.ROOT)) <= Math.max(2, given.length() / 3));
  }

  /** " (did you mean 'x'?)" or nothing. */
  public static String hint(String given, Collection<String> valid) {
    return of(given, valid).map(v -> " (did you mean '" + v + "'?)").orElse("");
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
