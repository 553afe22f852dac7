package io.reconcile.template;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A template that needs variables a host does not have: every one of them (rendering goes on past the
 * first, see {@link TemplateRenderer}), each with the file and line that uses it.
 */
public final class MissingVariablesException extends RuntimeException {
  /** One variable a template uses at {@code file:line}. */
  public record Missing(String variable, String file, int line) {}

  private final ImmutableList<Missing> missing;

  MissingVariablesException(List<Missing> missing) {
    super("undefined variables: " + missing);
    this.missing = ImmutableList.copyOf(missing);
  }

  public ImmutableList<Missing> missing() {
    return missing;
  }
}
