package io.reconcile.db.usersunique;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the spellings a service (Cyclades, Pithos) has for one user keeps the data: the spelling
 * Astakos' surviving account has (its email, or its uuid once the service uses uuids); if the service
 * has no such spelling, the all-lower-case one, else the first in code-point order. The uuid migrations
 * match names case-insensitively, so once one spelling is left, which one does not matter to them.
 */
public final class Spellings {
  private Spellings() {}

  public static String keeper(Collection<String> spellings, Optional<AstakosAccount> survivor) {
    if (spellings.isEmpty()) {
      throw new IllegalArgumentException("no spellings");
    }
    if (survivor.isPresent()) {
      for (String spelling : spellings) {
        if (spelling.equals(survivor.get().email()) || survivor.get().uuid().map(spelling::equals).orElse(false)) {
          return spelling;
        }
      }
    }
    return spellings.stream().filter(s -> s.equals(s.toLowerCase(Locale.ROOT))).sorted().findFirst()
        .orElseGet(() -> spellings.stream().sorted().findFirst().orElseThrow());
  }
}
