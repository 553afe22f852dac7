package io.reconcile.template;

import freemarker.template.TemplateModelException;

/**
 * The output format of every template unless it says otherwise: text as written, but an interpolated
 * value ({@code ${...}}) may not break the line it is on. A value with a line break, carriage return,
 * NUL or other control character (tab aside) would add lines to the file: a root job to a cron file, a
 * statement to a Python settings file, a directive to a config. It is refused, never written. A template
 * that means to write a multi-line value says so with {@code ${value?no_esc}}.
 */
public final class SingleLineFormat extends ValueFormat {
  public static final SingleLineFormat INSTANCE = new SingleLineFormat();
  static final String NAME = "singleLineText";

  private SingleLineFormat() {
    super(NAME, "text/plain");
  }

  @Override
  public String escapePlainText(String text) throws TemplateModelException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        String what = c == '\n' ? "line break" : c == '\r' ? "carriage return (a line break)"
            : "control character (code " + (int) c + ")";
        throw new TemplateModelException("the value has a " + what + ", which would add a line to the file (a command,"
            + " a setting);"
            + " refused (write ?no_esc after the value if the template means to write several lines)");
      }
    }
    return text;
  }
}
