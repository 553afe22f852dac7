package io.reconcile.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;

/** An output format that writes each interpolated value through {@link #escapePlainText}, and nothing else. */
abstract class ValueFormat<M extends CommonTemplateMarkupOutputModel<M>> extends CommonMarkupOutputFormat<M> {
  @Override
  public final void output(String textToEscape, Writer out) throws IOException, TemplateModelException {
    out.write(escapePlainText(textToEscape));
  }

  @Override
  public final boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }
}
