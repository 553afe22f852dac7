package io.reconcile.plan;

import io.reconcile.host.CommandResource;
import io.reconcile.host.FileResource;
import io.reconcile.host.GuardedResource;
import io.reconcile.host.ShellResource;
import io.reconcile.host.HostResource;
import io.reconcile.host.LineResource;
import io.reconcile.host.PackageResource;
import io.reconcile.host.ServiceResource;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.input.InvalidInputException;
import io.reconcile.state.CommandSpec;
import io.reconcile.state.DatabaseSpec;
import io.reconcile.state.Declaration;
import io.reconcile.state.FileSpec;
import io.reconcile.state.LineSpec;
import io.reconcile.state.PackageSpec;
import io.reconcile.state.ServiceSpec;
import io.reconcile.template.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Makes a declaration concrete for one host: renders its templates with the host's variables. */
public final class ResourceRenderer {
  private final TemplateRenderer templates;

  public ResourceRenderer(TemplateRenderer templates) {
    this.templates = templates;
  }

  public HostResource render(Declaration declaration, Map<String, Object> hostModel) {
    Map<String, Object> model = hostModel;
    if (!declaration.vars().isEmpty()) {
      model = new java.util.HashMap<>(hostModel);
      model.putAll(declaration.vars());
    }
    HostResource resource = renderSpec(declaration, model);
    return declaration.when().<HostResource>map(when -> new GuardedResource((ShellResource) resource, when)).orElse(resource);
  }

  private HostResource renderSpec(Declaration declaration, Map<String, Object> model) {
    if (declaration.spec() instanceof PackageSpec spec) {
      return new PackageResource(declaration, spec);
    } else if (declaration.spec() instanceof FileSpec spec) {
      byte[] content = spec.template()
          .map(name -> templates.renderFile(name, model))
          .or(() -> spec.content().map(text -> inline(text, declaration, model)))
          .orElse("")
          .getBytes(StandardCharsets.UTF_8);
      return new FileResource(declaration, spec.path(), spec.ensure(), content, spec.owner(), spec.group(),
          spec.mode(), spec.secret(),
          spec.replaceLink());
    } else if (declaration.spec() instanceof LineSpec spec) {
      return new LineResource(declaration, spec.path(), spec.ensure(),
          spec.text().map(t -> oneLine(inline(t, declaration, model), declaration, model)), spec.match(),
          spec.create(), spec.backrefs());
    } else if (declaration.spec() instanceof ServiceSpec spec) {
      return new ServiceResource(declaration, spec);
    } else if (declaration.spec() instanceof CommandSpec spec) {
      return new CommandResource(declaration, spec);
    } else if (declaration.spec() instanceof DatabaseSpec spec) {
      return DatabaseTypes.render(declaration, spec, model);
    }
    throw new IllegalArgumentException("no host resource for " + declaration.spec());
  }

  /** A line's text as rendered: what a value put into it must not make two lines (or hide a NUL). */
  private static String oneLine(String text, Declaration declaration, Map<String, Object> model) {
    if (text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
      throw new InvalidInputException(declaration.location().file(), declaration.location().line(), declaration.id()
          + ": the text rendered for host " + model.getOrDefault("inventory_hostname", "?") + " has a line break;"
          + " a line resource writes exactly one line");
    }
    return text;
  }

  private String inline(String text, Declaration declaration, Map<String, Object> model) {
    return templates.renderInline(text, model, declaration.location().file(), declaration.location().line());
  }
}
