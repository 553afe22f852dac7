package io.reconcile.template;

import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;

/**
 * The output format of every template unless it says otherwise: text as written, but an interpolated
 * value ({@code ${...}}) may not break the line it is on. A value with a line break, carriage return,
 * NUL or other control character (tab aside) would add lines to the file: a root job to a cron file, a
 * statement to a Python settings file, a directive to a config. It is refused, never written. A template
 * that means to write a multi-line value says so with {@code ${value?no_esc}}.
 */
public final class SingleLineFormat extends ValueFormat<SingleLineFormat.Text> {
  public static final SingleLineFormat INSTANCE = new SingleLineFormat();
  static final String NAME = "singleLineText";

  private SingleLineFormat() {}

  /** A value checked for this format (FreeMarker's markup model). */
  public static final class Text extends CommonTemplateMarkupOutputModel<Text> {
    Text(String plainText, String markup) {
      super(plainText, markup);
    }

    @Override
    public SingleLineFormat getOutputFormat() {
      return INSTANCE;
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getMimeType() {
    return "text/plain";
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


  @Override
  protected Text newTemplateMarkupOutputModel(String plainText, String markup) {
    return new Text(plainText, markup);
  }
}
