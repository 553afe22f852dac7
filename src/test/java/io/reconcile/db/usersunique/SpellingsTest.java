package io.reconcile.db.usersunique;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which spelling of a name keeps a service's data. */
class SpellingsTest {
  static final AstakosAccount SURVIVOR = new AstakosAccount(2, "Bob@Example.org", true, OffsetDateTime.parse("2012-02-01T00:00:00Z"),
      Optional.of("bbbbbbbb-0000-4000-8000-000000000002"));

  @Test
  void theSurvivorsExactEmailKeepsIt() {
    assertThat(Spellings.keeper(List.of("bob@example.org", "Bob@Example.org"), Optional.of(SURVIVOR))).isEqualTo("Bob@Example.org");
  }

  @Test
  void orItsUuidWhenTheServiceAlreadyUsesUuids() {
    assertThat(Spellings.keeper(List.of("BBBBBBBB-0000-4000-8000-000000000002", "bbbbbbbb-0000-4000-8000-000000000002"),
        Optional.of(SURVIVOR))).isEqualTo("bbbbbbbb-0000-4000-8000-000000000002");
  }

  @Test
  void withoutTheSurvivorsSpellingTheLowerCaseOneKeepsItThenTheFirst() {
    assertThat(Spellings.keeper(List.of("BOB@example.org", "bob@example.org"), Optional.of(SURVIVOR))).isEqualTo("bob@example.org");
    assertThat(Spellings.keeper(List.of("BOB@example.org", "Bob@example.org"), Optional.empty())).isEqualTo("BOB@example.org");
  }
}
