package io.reconcile.state;

import java.util.regex.Pattern;

/** Shapes of values that reach hosts; checked when states load, so a bad one exits 65 up front. */
public final class Validation {
  /** Debian policy 5.6.1: lower case letters, digits, + - . ; at least two characters. */
  public static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  /** Debian policy 5.6.12: [epoch:]upstream[-revision], upstream starting with a digit. */
  public static final Pattern DEBIAN_VERSION = Pattern.compile("([0-9]+:)?[0-9][A-Za-z0-9.+~]*(-[A-Za-z0-9.+~]+)?");
  public static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._+-]*");
  public static final Pattern USER_OR_GROUP = Pattern.compile("[a-z_][a-z0-9_-]*\\$?|[0-9]+");
  public static final Pattern MODE = Pattern.compile("0?[0-7]{3}|[0-7]{4}");
  /** Shell text (commands, guards) may span lines and have tabs; NUL cannot reach a shell, other controls hide text. */
  private static final Pattern SHELL_TEXT = Pattern.compile("[^\\x00-\\x08\\x0b-\\x1f\\x7f]*");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

  private Validation() {}

  /**
   * A path a resource manages: absolute and normalised, so that one file has one name ({@code /etc//x}
   * and {@code /etc/x} are one file, {@code /x/../../etc/passwd} is /etc/passwd), without control characters.
   */
  public static String path(YamlMap map, String key) {
    String value = map.requireString(key);
    checkPath(map, key, value);
    return value;
  }

  public static void checkPath(YamlMap map, String key, String value) {
    if (!value.startsWith("/") || CONTROL.matcher(value).find()) {
      throw map.error(key, "'" + key + "' must be an absolute path without control characters");
    }
    String normal = java.nio.file.Path.of(value).normalize().toString();
    if (!normal.equals(value)) {
      throw map.error(key, "'" + key + "' must be a normalised path (no //, /./, /../ or trailing /): '" + value
          + "' is '" + normal + "'");
    }
  }

  /** Shell text that goes to a host: a command, an {@code unless} or {@code when} guard. */
  public static void checkShell(YamlMap map, String key, String value) {
    if (!SHELL_TEXT.matcher(value).matches()) {
      throw map.error(key, "'" + key + "' must not contain NUL or control characters other than tab and newline");
    }
  }

  public static String require(YamlMap map, String key, Pattern shape, String expected) {
    String value = map.requireString(key);
    check(map, key, value, shape, expected);
    return value;
  }

  public static void check(YamlMap map, String key, String value, Pattern shape, String expected) {
    if (!shape.matcher(value).matches()) {
      throw map.error(key, "'" + key + "' must be " + expected + ", not '" + value + "'");
    }
  }
}
