package io.reconcile.resource.pkg;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;

/** The `package` resource type. */
public final class PackageType implements HostResourceType<PackageSpec> {
  @Override
  public SpecParser parser() {
    return new PackageParser();
  }

  @Override
  public Class<PackageSpec> specType() {
    return PackageSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, PackageSpec spec, Rendering rendering) {
    return new PackageResource(declaration, spec);
  }
}
