package io.reconcile.db.usersunique;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which account of an email survives, by rule and by kept id. */
class SurvivorRuleTest {
  static AstakosAccount account(int id, boolean active, String joined) {
    return new AstakosAccount(id, "user" + id + "@example.org", active, OffsetDateTime.parse(joined + "T00:00:00Z"), Optional.empty());
  }

  static final AstakosAccount OLD_INACTIVE = account(30, false, "2011-01-01");
  static final AstakosAccount ACTIVE_EARLY = account(40, true, "2012-01-01");
  static final AstakosAccount ACTIVE_LATE = account(20, true, "2013-01-01");
  static final List<AstakosAccount> GROUP = List.of(ACTIVE_LATE, OLD_INACTIVE, ACTIVE_EARLY);

  @Test
  void eachRulePicksItsAccount() {
    assertThat(SurvivorRule.OLDEST.choose(GROUP, Set.of())).contains(OLD_INACTIVE);
    assertThat(SurvivorRule.NEWEST.choose(GROUP, Set.of())).contains(ACTIVE_LATE);
    assertThat(SurvivorRule.ACTIVE_THEN_OLDEST.choose(GROUP, Set.of())).contains(ACTIVE_EARLY);
    assertThat(SurvivorRule.ACTIVE_THEN_NEWEST.choose(GROUP, Set.of())).contains(ACTIVE_LATE);
  }

  @Test
  void activeFirstFallsBackToAgeWhenNoneIsActive() {
    AstakosAccount newer = account(31, false, "2012-06-01");

    assertThat(SurvivorRule.ACTIVE_THEN_OLDEST.choose(List.of(newer, OLD_INACTIVE), Set.of())).contains(OLD_INACTIVE);
  }

  @Test
  void tiesGoToTheLowerIdSoTheChoiceIsStable() {
    AstakosAccount twin = account(7, true, "2012-01-01");

    assertThat(SurvivorRule.OLDEST.choose(List.of(ACTIVE_EARLY, twin), Set.of())).contains(twin);
    assertThat(SurvivorRule.OLDEST.choose(List.of(twin, ACTIVE_EARLY), Set.of())).contains(twin);
  }

  @Test
  void aKeptIdWinsOverTheRuleAndTwoKeptIdsChooseNothing() {
    assertThat(SurvivorRule.ACTIVE_THEN_OLDEST.choose(GROUP, Set.of(30, 99))).contains(OLD_INACTIVE);
    assertThat(SurvivorRule.ACTIVE_THEN_OLDEST.choose(GROUP, Set.of(30, 20))).isEmpty();
  }

  @Test
  void labelsRoundTrip() {
    for (SurvivorRule rule : SurvivorRule.values()) {
      assertThat(SurvivorRule.parse(rule.label())).contains(rule);
    }
    assertThat(SurvivorRule.ACTIVE_THEN_OLDEST.label()).isEqualTo("active-then-oldest");
    assertThat(SurvivorRule.parse("youngest")).isEmpty();
  }
}
