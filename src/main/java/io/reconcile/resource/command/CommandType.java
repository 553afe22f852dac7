package io.reconcile.resource.command;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;

/** The `command` resource type. */
public final class CommandType implements HostResourceType<CommandSpec> {
  @Override
  public SpecParser parser() {
    return new CommandParser();
  }

  @Override
  public Class<CommandSpec> specType() {
    return CommandSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, CommandSpec spec, Rendering rendering) {
    return new CommandResource(declaration, spec);
  }
}
