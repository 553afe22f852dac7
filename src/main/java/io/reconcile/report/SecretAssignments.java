package io.reconcile.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks values by what the text says they are, whether or not the value is known: the value of an
 * assignment to a secret name ({@code NAME = 'v'}, {@code "name": "v"}, {@code name=v}, {@code ?name=v&},
 * {@code 'name': 'v'}), of an XML element or attribute named so, and the password of a URL
 * ({@code scheme://user:PASSWORD@host}). A triple-quoted value that spans lines is masked to its end; in
 * a unified diff the removed and the added side are followed separately, so the old value a host had
 * is masked as surely as the new one.
 */
final class SecretAssignments {
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?<![A-Za-z0-9_/.])([A-Za-z_][A-Za-z0-9_.-]*)(\\\\?[\"']?)[ \\t]*(=>|=(?!=)|:(?!//))[ \\t]*");
  private static final Pattern XML_ELEMENT = Pattern.compile(
      "<([A-Za-z_][A-Za-z0-9_.:-]*)(?:\\s[^<>]*)?>([^<]+)</\\1>");
  private static final Pattern URL_PASSWORD = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@'\"]*):([^\\s/@'\"]+)@");
  private static final String UNQUOTED_END = " \t,;&)]}<>\"'";
  private static final int OLD = 0;
  private static final int NEW = 1;

  private final SecretNames names;

  SecretAssignments(SecretNames names) {
    this.names = names;
  }

  String mask(String text) {
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0 && text.indexOf('<') < 0 && text.indexOf("\"\"\"") < 0
        && text.indexOf("'''") < 0) {
      return text;
    }
    boolean diff = text.startsWith("--- ");
    String[] open = new String[2]; // per side, the closing delimiter of a multi-line secret still open
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(maskLine(lines[i], diff, open));
    }
    return out.toString();
  }

  private String maskLine(String line, boolean diff, String[] open) {
    int from = 0;
    int[] sides = {OLD};
    if (diff) {
      char first = line.isEmpty() ? '\0' : line.charAt(0);
      boolean header = line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("@@");
      sides = header ? new int[0] : first == '-' ? new int[] {OLD} : first == '+' ? new int[] {NEW}
          : first == ' ' ? new int[] {OLD, NEW} : new int[0];
      from = sides.length > 0 ? 1 : 0;
    }
    StringBuilder out = new StringBuilder(line.length()).append(line, 0, from);
    String delimiter = openDelimiter(open, sides);
    if (delimiter != null) {
      int end = line.indexOf(delimiter, from);
      if (end < 0) {
        return out.append(line.substring(from).isBlank() ? line.substring(from) : SecretMasker.MASK).toString();
      }
      out.append(end > from ? SecretMasker.MASK : "").append(delimiter);
      for (int side : sides) {
        open[side] = null;
      }
      from = end + delimiter.length();
    }
    String rest = maskUrlPasswords(maskXmlElements(line.substring(from)));
    Matcher m = ASSIGNMENT.matcher(rest);
    int at = 0;
    while (at < rest.length() && m.find(at)) {
      int valueStart = m.end();
      if (!names.isSecret(m.group(1)) || valueStart >= rest.length() || !keyPosition(rest, m)) {
        out.append(rest, at, m.end());
        at = m.end();
        continue;
      }
      out.append(rest, at, valueStart);
      at = maskValue(rest, valueStart, out, open, sides);
    }
    return out.append(rest.substring(Math.min(at, rest.length()))).toString();
  }

  /**
   * Whether the name stands where a key does: for {@code =} anywhere (URL parameters, shell, INI), for
   * {@code :} only at the start of a line or after {@code {}, {@code ,}, {@code (}, {@code [} or a space,
   * and without a dot, so that a resource id in a report ({@code line:foo-token: before -> after}) or a
   * file and line in a message ({@code secrets.yml:3:}) is not taken for one.
   */
  private static boolean keyPosition(String text, Matcher m) {
    if (!m.group(3).equals(":")) {
      return true;
    }
    if (m.group(1).indexOf('.') >= 0) {
      return false; // a file name and line (secrets.yml:3: ...), not a key
    }
    int at = m.start(1) - 1;
    if (at >= 0 && (text.charAt(at) == '"' || text.charAt(at) == '\'')) {
      at--;
      if (at >= 0 && text.charAt(at) == '\\') {
        at--;
      }
    }
    return at < 0 || " \t{,([".indexOf(text.charAt(at)) >= 0;
  }

  /** Appends the value at {@code start}, masked, to {@code out}; returns where the text after it starts. */
  private static int maskValue(String text, int start, StringBuilder out, String[] open, int[] sides) {
    for (String triple : new String[] {"\"\"\"", "'''"}) {
      if (text.startsWith(triple, start)) {
        int close = text.indexOf(triple, start + 3);
        int end = close < 0 ? text.length() : close;
        out.append(triple).append(end > start + 3 ? SecretMasker.MASK : "");
        if (close < 0) {
          for (int side : sides) {
            open[side] = triple;
          }
          return text.length();
        }
        out.append(triple);
        return close + 3;
      }
    }
    String quote = text.startsWith("\\\"", start) || text.startsWith("\\'", start) ? text.substring(start, start + 2)
        : text.charAt(start) == '"' || text.charAt(start) == '\'' ? text.substring(start, start + 1) : "";
    if (!quote.isEmpty()) {
      int close = closingQuote(text, start + quote.length(), quote);
      out.append(quote).append(SecretMasker.MASK);
      if (close < 0) {
        return text.length();
      }
      out.append(quote);
      return close + quote.length();
    }
    int end = start;
    while (end < text.length() && UNQUOTED_END.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    out.append(end > start ? SecretMasker.MASK : "");
    return end;
  }

  /** Where {@code quote} closes the literal whose content starts at {@code from}: backslash escapes skipped. */
  private static int closingQuote(String text, int from, String quote) {
    for (int i = from; i < text.length(); i++) {
      if (text.startsWith(quote, i)) {
        return i;
      }
      if (text.charAt(i) == '\\') {
        i++;
      }
    }
    return -1;
  }

  private String maskXmlElements(String text) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    Matcher m = XML_ELEMENT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String element = names.isSecret(m.group(1))
          ? text.substring(m.start(), m.start(2)) + SecretMasker.MASK + text.substring(m.end(2), m.end())
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(element));
    }
    return m.appendTail(out).toString();
  }

  private static String maskUrlPasswords(String text) {
    return text.indexOf("://") < 0 ? text : URL_PASSWORD.matcher(text).replaceAll("$1:"
        + Matcher.quoteReplacement(SecretMasker.MASK) + "@");
  }

  private static String openDelimiter(String[] open, int[] sides) {
    for (int side : sides) {
      if (open[side] != null) {
        return open[side];
      }
    }
    return null;
  }
}
