package io.reconcile.state;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

final class ServiceParser implements SpecParser {
  @Override
  public String type() {
    return "service";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("state", "enabled");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = Validation.require(map, type(), Validation.SERVICE_NAME, "a service name");
    Optional<ServiceSpec.Running> state = map.string("state").map(value -> switch (value) {
      case "running", "started" -> ServiceSpec.Running.RUNNING;
      case "stopped" -> ServiceSpec.Running.STOPPED;
      default -> throw map.error("state", "'state' must be running or stopped, not '" + value + "'");
    });
    Optional<Boolean> enabled = map.bool("enabled");
    if (state.isEmpty() && enabled.isEmpty()) {
      throw map.error(type(), "a service needs 'state' or 'enabled'");
    }
    return new ServiceSpec(name, state, enabled);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((ServiceSpec) spec).name();
  }
}
