package io.reconcile.resource.link;

import com.google.common.collect.ImmutableSet;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

/** `link: PATH` with `target: TARGET`. */
final class LinkParser implements SpecParser {
  @Override
  public String type() {
    return "link";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("target");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String path = Validation.path(map, type());
    String target = map.requireString("target");
    if (target.isEmpty() || target.indexOf('\n') >= 0 || target.indexOf('\0') >= 0) {
      throw map.error("target", "'target' must be a non-empty single line");
    }
    return new LinkSpec(path, target);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((LinkSpec) spec).path();
  }
}
