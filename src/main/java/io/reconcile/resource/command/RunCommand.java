package io.reconcile.resource.command;

import static io.reconcile.ssh.ShellQuote.quote;

import io.reconcile.host.ScriptAction;
import io.reconcile.host.Touches;
import java.time.Duration;

/** A declared command (or a handler's), run by sh with no input. */
public record RunCommand(String command, Duration timeout) implements ScriptAction {
  @Override
  public String script(String backupDir) {
    return "sh -c " + quote(command) + " </dev/null\n";
  }

  @Override
  public String description() {
    return "command";
  }

  @Override
  public Touches touches() {
    return new Touches.Anything();
  }

  @Override
  public boolean boundedByItsOwnTimeout() {
    return true;
  }
}
