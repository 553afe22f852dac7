package io.reconcile.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret value as each encoding the tool writes shows it: raw, as a Python or shell string literal
 * (templates' {@code py()}, the Python output format), as JSON (reports, history), URL-encoded (a
 * template's {@code ?url}), XML/HTML-escaped (JUnit, {@code ?xml}), and line by line when it spans lines.
 */
final class SecretEncodings {
  /** Lines of a multi-line secret shorter than this are not masked on their own (they would mask too much). */
  private static final int MIN_LINE = 4;
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-f]{4})");

  private SecretEncodings() {}

  static Set<String> of(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    forms.add(backslashed(value, '\''));
    forms.add(backslashed(value, '"'));
    forms.add(value.replace("'", "'\\''"));
    String json = json(value, false);
    forms.add(json);
    String ascii = json(value, true);
    forms.add(ascii);
    forms.add(upperHexEscapes(ascii)); // Jackson writes \u00FC, Python \u00fc
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    forms.add(url);
    forms.add(url.replace("+", "%20"));
    String xml = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    forms.add(xml.replace("'", "&apos;"));
    forms.add(xml.replace("'", "&#39;"));
    if (value.indexOf('\n') >= 0) {
      for (String line : value.split("\r?\n")) {
        if (line.strip().length() >= MIN_LINE) {
          forms.add(line);
          forms.add(line.strip());
        }
      }
    }
    forms.removeIf(String::isEmpty);
    return forms;
  }

  /** A string literal's content with backslash escapes, quoted with {@code quote} (Python, C, shell "..."). */
  private static String backslashed(String value, char quote) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  private static String json(String value, boolean asciiOnly) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7e)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String upperHexEscapes(String json) {
    StringBuilder out = new StringBuilder();
    Matcher m = UNICODE_ESCAPE.matcher(json);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("\\u" + m.group(1).toUpperCase(Locale.ROOT)));
    }
    return m.appendTail(out).toString();
  }
}
