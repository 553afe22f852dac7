package io.reconcile.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;

/**
 * An output format that writes each interpolated value through {@link #escapePlainText}, and nothing else.
 * A format differs from another only by its name and its escaping.
 */
abstract class ValueFormat extends CommonMarkupOutputFormat<ValueFormat.Value> {
  private final String name;
  private final String mimeType;

  ValueFormat(String name, String mimeType) {
    this.name = name;
    this.mimeType = mimeType;
  }

  /** A value checked for (or written in) one format: FreeMarker's markup model, which knows its format. */
  static final class Value extends CommonTemplateMarkupOutputModel<Value> {
    private final ValueFormat format;

    private Value(String plainText, String markup, ValueFormat format) {
      super(plainText, markup);
      this.format = format;
    }

    @Override
    public ValueFormat getOutputFormat() {
      return format;
    }
  }

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final String getMimeType() {
    return mimeType;
  }

  @Override
  public final void output(String textToEscape, Writer out) throws IOException, TemplateModelException {
    out.write(escapePlainText(textToEscape));
  }

  @Override
  public final boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected final Value newTemplateMarkupOutputModel(String plainText, String markup) {
    return new Value(plainText, markup, this);
  }
}
