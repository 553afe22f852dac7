package io.reconcile.plan;

import io.reconcile.host.HostResource;
import io.reconcile.resource.ResourceTypes;
import io.reconcile.state.Declaration;
import io.reconcile.template.TemplateRenderer;
import java.util.Map;

/** Makes a declaration concrete for one host: renders its templates with the host's variables. */
public final class ResourceRenderer {
  private final TemplateRenderer templates;

  public ResourceRenderer(TemplateRenderer templates) {
    this.templates = templates;
  }

  public HostResource render(Declaration declaration, Map<String, Object> hostModel) {
    return ResourceTypes.render(declaration, templates, hostModel);
  }
}
