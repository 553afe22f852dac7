package io.reconcile.resource.service;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;

/** The `service` resource type. */
public final class ServiceType implements HostResourceType<ServiceSpec> {
  @Override
  public SpecParser parser() {
    return new ServiceParser();
  }

  @Override
  public Class<ServiceSpec> specType() {
    return ServiceSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, ServiceSpec spec, Rendering rendering) {
    return new ServiceResource(declaration, spec);
  }
}
