package io.reconcile.resource;

import io.reconcile.input.InvalidInputException;
import io.reconcile.state.Declaration;
import io.reconcile.template.TemplateRenderer;
import java.util.Map;

/** Renders a declaration's templates for one host: its variables plus the declaration's own `vars`. */
public record Rendering(TemplateRenderer templates, Declaration declaration, Map<String, Object> model) {
  /** A template file of the bundle, e.g. `file: ... template: astakos/20-snf-astakos-app-settings.conf`. */
  public String file(String template) {
    return templates.renderFile(template, model);
  }

  /** A value written inline in the declaration; errors name the declaration's file and line. */
  public String inline(String text) {
    return templates.renderInline(text, model, declaration.location().file(), declaration.location().line());
  }

  /** The host rendered for, as the inventory names it. */
  public String host() {
    return String.valueOf(model.getOrDefault("inventory_hostname", "?"));
  }

  /** Bad input in what a value rendered to (exit 65): the problem, after the declaration's file, line and id. */
  public InvalidInputException error(String problem) {
    return new InvalidInputException(declaration.location().file(), declaration.location().line(),
        declaration.id() + ": " + problem);
  }
}
