package io.reconcile.resource.command;

import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Optional;

final class CommandParser implements SpecParser {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  @Override
  public String type() {
    return "command";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("unless", "creates", "timeout");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String command = map.requireString(type());
    Validation.checkShell(map, type(), command);
    Optional<String> unless = map.string("unless");
    unless.ifPresent(u -> Validation.checkShell(map, "unless", u));
    Optional<String> creates = map.string("creates");
    creates.ifPresent(p -> Validation.checkPath(map, "creates", p));
    if (unless.isEmpty() && creates.isEmpty()) {
      throw map.error(type(), "a command needs a guard, 'unless' or 'creates' (without one it would run on every run)");
    }
    Duration timeout = map.string("timeout").map(v -> {
      if (!v.matches("[1-9][0-9]{0,5}")) {
        throw map.error("timeout", "'timeout' must be a number of seconds, not '" + v + "'");
      }
      return Duration.ofSeconds(Long.parseLong(v));
    }).orElse(DEFAULT_TIMEOUT);
    return new CommandSpec(command, unless, creates, timeout);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((CommandSpec) spec).command();
  }
}
