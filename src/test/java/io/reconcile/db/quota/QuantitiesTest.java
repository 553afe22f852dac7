package io.reconcile.db.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Numbers as declarations write them (ASTAKOS_SERVICES style products, powers). */
class QuantitiesTest {
  @Test
  void plainNumbersAndProducts() {
    assertThat(Quantities.parse("2")).isEqualTo(BigInteger.TWO);
    assertThat(Quantities.parse("30*1024*1024*1024")).isEqualTo(BigInteger.valueOf(32212254720L));
    assertThat(Quantities.parse("5 * 1024 * 1024 * 1024")).isEqualTo(BigInteger.valueOf(5368709120L));
    assertThat(Quantities.parse("1_000")).isEqualTo(BigInteger.valueOf(1000));
    assertThat(Quantities.parse("10^32")).isEqualTo(Quantities.INFINITE);
    assertThat(Quantities.parse("50*2^30")).isEqualTo(BigInteger.valueOf(53687091200L));
  }

  @Test
  void rejectsWhatIsNotANonNegativeIntegerOrDoesNotFitTheColumn() {
    assertThatThrownBy(() -> Quantities.parse("-1")).hasMessageContaining("not a non-negative integer");
    assertThatThrownBy(() -> Quantities.parse("5GiB")).hasMessageContaining("not a non-negative integer");
    assertThatThrownBy(() -> Quantities.parse("2*")).hasMessageContaining("not a non-negative integer");
    assertThatThrownBy(() -> Quantities.parse("10*".repeat(38) + "10")).hasMessageContaining("numeric(38,0)");
    assertThatThrownBy(() -> Quantities.parse("10^40")).hasMessageContaining("numeric(38,0)");
    assertThatThrownBy(() -> Quantities.parse("10^")).hasMessageContaining("not a non-negative integer");
  }
}
