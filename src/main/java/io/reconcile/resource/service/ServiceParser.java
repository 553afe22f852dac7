package io.reconcile.resource.service;

import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

final class ServiceParser implements SpecParser {
  private static final java.util.regex.Pattern HOST_PORT =
      java.util.regex.Pattern.compile("[A-Za-z0-9.-]+:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])");
  @Override
  public String type() {
    return "service";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("state", "enabled", "listen");
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
    Optional<String> listen = map.string("listen");
    listen.ifPresent(l -> Validation.check(map, "listen", l, HOST_PORT, "host:port such as 127.0.0.1:11211"));
    if (listen.isPresent() && state.filter(s -> s == ServiceSpec.Running.RUNNING).isEmpty()) {
      throw map.error("listen", "'listen' needs 'state: running'");
    }
    return new ServiceSpec(name, state, enabled, listen);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((ServiceSpec) spec).name();
  }
}
