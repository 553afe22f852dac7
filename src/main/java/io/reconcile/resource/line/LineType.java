package io.reconcile.resource.line;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;

/** The `line` resource type. */
public final class LineType implements HostResourceType<LineSpec> {
  @Override
  public SpecParser parser() {
    return new LineParser();
  }

  @Override
  public Class<LineSpec> specType() {
    return LineSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, LineSpec spec, Rendering rendering) {
    return new LineResource(declaration, spec.path(), spec.ensure(), spec.text().map(t -> oneLine(rendering.inline(t),
        rendering)), spec.match(), spec.create(), spec.backrefs());
  }

  /** A line's text as rendered: what a value put into it must not make two lines (or hide a NUL). */
  private static String oneLine(String text, Rendering rendering) {
    if (text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
      throw rendering.error("the text rendered for host " + rendering.host()
          + " has a line break; a line resource writes exactly one line");
    }
    return text;
  }
}
