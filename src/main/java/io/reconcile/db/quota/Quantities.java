package io.reconcile.db.quota;

import io.reconcile.state.YamlMap;
import java.math.BigInteger;
import java.util.Optional;

/** Quota numbers: the quotaholder's "practically infinite" and how declarations may write numbers. */
public final class Quantities {
  /** QH_PRACTICALLY_INFINITE: the default import and export limit. */
  public static final BigInteger INFINITE = BigInteger.TEN.pow(32);
  /** What pithos-export-quota and cyclades-export-quota write as the import and export limit of every row. */
  public static final BigInteger EXPORT_INFINITE = BigInteger.TEN.pow(30);
  /** numeric(38,0), the type of every quota column. */
  private static final BigInteger MAX = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

  private Quantities() {}

  /**
   * A non-negative integer, written plainly, as a product like ASTAKOS_SERVICES does ({@code 30*1024*1024*1024})
   * or with powers ({@code 10^32}).
   */
  public static BigInteger parse(String text) {
    BigInteger product = BigInteger.ONE;
    for (String factor : text.split("\\*", -1)) {
      String digits = factor.strip().replace("_", "");
      if (!digits.matches("[0-9]+(\\^[0-9]{1,2})?")) {
        throw new IllegalArgumentException("'" + text + "' is not a non-negative integer"
            + " (or a product such as 30*1024*1024*1024, or a power such as 10^32)");
      }
      String[] power = digits.split("\\^");
      BigInteger value = new BigInteger(power[0]);
      product = product.multiply(power.length == 2 ? value.pow(Integer.parseInt(power[1])) : value);
    }
    if (product.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("'" + text + "' does not fit numeric(38,0)");
    }
    return product;
  }

  public static Optional<BigInteger> optional(YamlMap map, String key) {
    return map.string(key).map(text -> parse(map, key, text));
  }

  public static BigInteger parse(YamlMap map, String key, String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw map.error(key, "'" + key + "': " + e.getMessage());
    }
  }

  /** SQL that prints a quantity column, showing the practically infinite as 10^32. */
  public static String text(String column) {
    return "(CASE WHEN " + column + " = " + INFINITE + " THEN '10^32' ELSE " + column + "::text END)";
  }
}
