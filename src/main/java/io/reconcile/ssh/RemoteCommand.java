package io.reconcile.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One command for the remote {@code sh}. Build {@link #command()} with {@link ShellQuote}: values are data,
 * never shell. Secrets go on stdin, never into the command line: it shows in {@code ps} on the host and,
 * shortened, in failure messages.
 *
 * @param command shell command line
 * @param stdin bytes fed to the command's stdin; without them the command reads EOF at once
 * @param timeout how long the command may run; empty means {@link TransportOptions#commandTimeout()}
 */
public record RemoteCommand(String command, Optional<byte[]> stdin, Optional<Duration> timeout) {
  public RemoteCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(timeout, "timeout");
    if (command.isBlank()) {
      throw new IllegalArgumentException("empty remote command");
    }
    timeout.ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("command timeout must be positive: " + t);
      }
    });
  }

  public static RemoteCommand of(String command) {
    return new RemoteCommand(command, Optional.empty(), Optional.empty());
  }

  public RemoteCommand withStdin(byte[] input) {
    return new RemoteCommand(command, Optional.of(input), timeout);
  }

  public RemoteCommand withTimeout(Duration limit) {
    return new RemoteCommand(command, stdin, Optional.of(limit));
  }

  /** The command's first line, cut to 80 characters: how messages name the command. */
  public String summary() {
    String firstLine = command.strip().lines().findFirst().orElse("");
    boolean cut = firstLine.length() > 80 || !firstLine.equals(command.strip());
    return (firstLine.length() > 80 ? firstLine.substring(0, 80) : firstLine) + (cut ? " ..." : "");
  }

  @Override
  public String toString() {
    return "RemoteCommand[" + command + stdin.map(b -> ", stdin " + b.length + " bytes").orElse("")
        + timeout.map(t -> ", timeout " + t).orElse("") + "]";
  }
}
