package io.reconcile.state;

import java.util.regex.Pattern;

/** Shapes of values that reach hosts; checked when states load, so a bad one exits 65 up front. */
final class Validation {
  /** Debian policy 5.6.1: lower case letters, digits, + - . ; at least two characters. */
  static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  /** Debian policy 5.6.12: [epoch:]upstream[-revision], upstream starting with a digit. */
  static final Pattern DEBIAN_VERSION = Pattern.compile("([0-9]+:)?[0-9][A-Za-z0-9.+~]*(-[A-Za-z0-9.+~]+)?");
  static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._+-]*");
  static final Pattern USER_OR_GROUP = Pattern.compile("[a-z_][a-z0-9_-]*\\$?|[0-9]+");
  static final Pattern MODE = Pattern.compile("0?[0-7]{3}|[0-7]{4}");
  static final Pattern ABSOLUTE_PATH = Pattern.compile("/[^\\x00\\n]*");

  private Validation() {}

  static String require(YamlMap map, String key, Pattern shape, String expected) {
    String value = map.requireString(key);
    check(map, key, value, shape, expected);
    return value;
  }

  static void check(YamlMap map, String key, String value, Pattern shape, String expected) {
    if (!shape.matcher(value).matches()) {
      throw map.error(key, "'" + key + "' must be " + expected + ", not '" + value + "'");
    }
  }
}
