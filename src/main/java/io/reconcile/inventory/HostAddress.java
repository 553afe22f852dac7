package io.reconcile.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first word of a host line: a host name, IPv4 or IPv6 address (any of them possibly with
 * {@code [x:y]} ranges) and an optional port, following Ansible's address grammar:
 * {@code host:port}, {@code 192.0.2.1:port}, {@code [2001:db8::1]:port}; a bare IPv6 address
 * takes no port.
 */
record HostAddress(String pattern, Optional<Integer> port) {
  private static final String NUMERIC_RANGE = "\\[[0-9]+:[0-9]+(?::[0-9]+)?\\]";
  private static final String NAME_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
  private static final String LABEL =
      "(?:\\w|" + NAME_RANGE + ")(?:[\\w-]|" + NAME_RANGE + ")*(?<![_-])";
  private static final Pattern HOSTNAME = Pattern.compile(
      LABEL + "(?:\\." + LABEL + ")*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final String V4 = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
  private static final Pattern IPV4 = Pattern.compile("(?:" + V4 + "\\.){3}" + V4);
  private static final Pattern IPV6 = Pattern.compile(ipv6("(?:[0-9a-f]{1,4}|" + NUMERIC_RANGE + ")"),
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BRACKETED_WITH_PORT = Pattern.compile("\\[(.+)\\]:([0-9]+)");
  // Anything up to a last ':' that is outside brackets (so ranges keep their colons), then a port.
  private static final Pattern WITH_PORT = Pattern.compile("((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)");

  /** Every way to write 8 groups of hex digits, "::" shortened, or with a trailing IPv4 address. */
  private static String ipv6(String c) {
    String v4 = "(?:" + c + "\\.){3}" + c;
    return String.join("|",
        "(?:" + c + ":){7}" + c,
        "(?:" + c + ":){1,6}:",
        "(?:" + c + ":)(?::" + c + "){1,6}",
        "(?:" + c + ":){2}(?::" + c + "){1,5}",
        "(?:" + c + ":){3}(?::" + c + "){1,4}",
        "(?:" + c + ":){4}(?::" + c + "){1,3}",
        "(?:" + c + ":){5}(?::" + c + "){1,2}",
        "(?:" + c + ":){6}(?::" + c + ")",
        ":(?::" + c + "){1,6}",
        c + "?::",
        "(?:0:){6}" + v4,
        "::(?:ffff:)?" + v4,
        "(?:0:){5}ffff:" + v4);
  }

  static HostAddress parse(String word) {
    if (word.equals("---")) {
      throw new InventorySyntaxException("'---' is not a host name; this looks like a YAML file");
    }
    if (word.endsWith(":")) {
      throw new InventorySyntaxException("host '" + word + "' ends with ':'; expected host:port with a port number");
    }
    String address = word;
    String port = null;
    Matcher bracketed = BRACKETED_WITH_PORT.matcher(address);
    if (bracketed.matches()) {
      address = bracketed.group(1);
      port = bracketed.group(2);
    } else {
      Matcher withPort = WITH_PORT.matcher(address);
      if (withPort.matches()) {
        address = withPort.group(1);
        port = withPort.group(2);
      }
    }
    if (!(IPV4.matcher(address).matches() || IPV6.matcher(address).matches()
        || HOSTNAME.matcher(address).matches())) {
      throw new InventorySyntaxException(invalidReason(word));
    }
    return new HostAddress(address, Optional.ofNullable(port).map(p -> portNumber(word, p)));
  }

  private static String invalidReason(String word) {
    int colon = word.lastIndexOf(':');
    if (colon > 0 && !word.startsWith("[") && word.indexOf(':') == colon) {
      return "port '" + word.substring(colon + 1) + "' in '" + word + "' is not a number; expected host:port";
    }
    return "'" + word + "' is not a valid host: expected a host name, IPv4 address or [IPv6 address]:port,"
        + " optionally with ranges such as web[01:20]";
  }

  private static int portNumber(String word, String digits) {
    int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw new InventorySyntaxException("port " + digits + " in '" + word + "' is out of range 1-65535");
    }
    return port;
  }
}
