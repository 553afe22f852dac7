package io.reconcile.db.usersunique;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** An Astakos user as users-unique sees it. */
public record AstakosAccount(int id, String email, boolean active, OffsetDateTime joined, Optional<String> uuid) {
  /** "41 KPap@example.org (inactive, joined 2012-05-01)" */
  public String describe() {
    LocalDate day = joined.toLocalDate();
    return id + " " + email + " (" + (active ? "active" : "inactive") + ", joined " + day + ")";
  }
}
