package io.reconcile.resource.pkg;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

final class PackageParser implements SpecParser {
  @Override
  public String type() {
    return "package";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("version", "state");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = Validation.require(map, type(), Validation.PACKAGE_NAME, "a Debian package name");
    Ensure ensure = Ensure.parse(map, "state");
    Optional<String> version = map.string("version");
    version.ifPresent(v -> Validation.check(map, "version", v, Validation.DEBIAN_VERSION, "a Debian version such as 0.13-1"));
    if (ensure == Ensure.ABSENT && version.isPresent()) {
      throw map.error("version", "an absent package has no version");
    }
    return new PackageSpec(name, ensure, version);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((PackageSpec) spec).name();
  }
}
