package io.reconcile.inventory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string an INI inventory value stands for. Ansible passes every value (inline host vars after
 * shell splitting, and {@code [g:vars]} values) through Python's {@code ast.literal_eval}; values
 * that are not Python literals stay as written. We keep every variable a string, so the visible
 * effects are: a quoted Python string loses its quotes and escapes ({@code "'03#pa33w0rd'"} is
 * {@code 03#pa33w0rd}), and a trailing {@code # comment} after a literal is dropped
 * ({@code 8080 # port} is {@code 8080}). Numbers, True/False/None are kept as written.
 */
final class IniValue {
  private static final Pattern PREFIXED_QUOTE = Pattern.compile("(?i)(u|r|b|br|rb)?('''|\"\"\"|'|\")");
  private static final Pattern COMMENT_ONLY = Pattern.compile("\\s*(?:#.*)?");
  private static final Pattern SCALAR = Pattern.compile(
      "([+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
          + "|\\d[\\d_]*\\.?(?:[eE][+-]?\\d+)?[jJ]?|\\d*\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?[jJ]?)"
          + "|True|False|None)\\s*(?:#.*)?");

  private IniValue() {}

  static String of(String raw) {
    String text = raw.strip();
    Optional<String> string = stringLiteral(text);
    if (string.isPresent()) {
      return string.get();
    }
    Matcher scalar = SCALAR.matcher(text);
    return scalar.matches() ? scalar.group(1) : raw;
  }

  private static Optional<String> stringLiteral(String text) {
    Matcher open = PREFIXED_QUOTE.matcher(text);
    if (!open.lookingAt()) {
      return Optional.empty();
    }
    boolean raw = open.group(1) != null && open.group(1).toLowerCase(Locale.ROOT).contains("r");
    String quote = open.group(2);
    StringBuilder value = new StringBuilder();
    int i = open.end();
    while (i < text.length()) {
      if (text.startsWith(quote, i)) {
        return COMMENT_ONLY.matcher(text.substring(i + quote.length())).matches()
            ? Optional.of(value.toString()) : Optional.empty();
      }
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (raw) {
          value.append(c).append(text.charAt(i + 1)); // r'...' keeps escapes but they still hide quotes
          i += 2;
        } else {
          int next = unescape(text, i + 1, value);
          if (next < 0) {
            return Optional.empty();
          }
          i = next;
        }
      } else {
        value.append(c);
        i++;
      }
    }
    return Optional.empty(); // no closing quote: not a literal
  }

  /** Appends the character(s) of the escape whose letter is at {@code i}; returns the next index, or -1 if invalid. */
  private static int unescape(String text, int i, StringBuilder out) {
    char e = text.charAt(i);
    switch (e) {
      case '\\', '\'', '"' -> out.append(e);
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case 'x' -> {
        return hex(text, i + 1, 2, out);
      }
      case 'u' -> {
        return hex(text, i + 1, 4, out);
      }
      case 'U' -> {
        return hex(text, i + 1, 8, out);
      }
      default -> {
        if (e >= '0' && e <= '7') {
          int end = i;
          while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
            end++;
          }
          out.appendCodePoint(Integer.parseInt(text.substring(i, end), 8));
          return end;
        }
        out.append('\\').append(e); // Python keeps unknown escapes such as \d as they are
      }
    }
    return i + 1;
  }

  private static int hex(String text, int start, int digits, StringBuilder out) {
    int end = start + digits;
    if (end > text.length() || !text.substring(start, end).matches("[0-9a-fA-F]+")) {
      return -1;
    }
    long codePoint = Long.parseLong(text.substring(start, end), 16);
    if (codePoint > Character.MAX_CODE_POINT) {
      return -1;
    }
    out.appendCodePoint((int) codePoint);
    return end;
  }
}
