package io.reconcile.resource.link;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;

/** The `link` resource type: a symbolic link that says what it should. */
public final class LinkType implements HostResourceType<LinkSpec> {
  @Override
  public SpecParser parser() {
    return new LinkParser();
  }

  @Override
  public Class<LinkSpec> specType() {
    return LinkSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, LinkSpec spec, Rendering rendering) {
    return new LinkResource(declaration, spec.path(), rendering.inline(spec.target()));
  }
}
