package io.reconcile.template;

import java.nio.charset.StandardCharsets;

/**
 * Output format {@code Python} for Synnefo's settings files (Python 2 source, run as root by
 * snf-manage): {@code <#ftl output_format="Python">}, and every interpolated value is written as one
 * Python string literal, quotes and all, whatever it holds: {@code 'a\'b\\c\n'}. Quotes, backslashes and
 * line breaks are escaped, other control characters and non-ASCII as {@code \xNN} (the UTF-8 bytes: the
 * same str a UTF-8 file would give Python 2, and the file stays ASCII, which Python 2 needs without a
 * coding line). Numbers and booleans go through {@code py_int()} and {@code py_bool()}, which check them.
 */
public final class PythonFormat extends ValueFormat {
  public static final PythonFormat INSTANCE = new PythonFormat();
  static final String NAME = "Python";

  private PythonFormat() {
    super(NAME, "text/x-python");
  }

  /** The Python string literal whose value is {@code text}. */
  @Override
  public String escapePlainText(String text) {
    StringBuilder literal = new StringBuilder("'");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      switch (c) {
        case '\\' -> literal.append("\\\\");
        case '\'' -> literal.append("\\'");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            literal.append(String.format("\\x%02x", c));
          } else {
            literal.append((char) c);
          }
        }
      }
    }
    return literal.append('\'').toString();
  }
}
