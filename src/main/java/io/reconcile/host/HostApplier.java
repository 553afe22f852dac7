package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Executes {@link HostAction}s on one host: the scripts that remove differences, and handlers.
 */
public final class HostApplier {
  /** How long apt waits for another apt/dpkg holding the dpkg lock, unless the run says otherwise. */
  public static final Duration DEFAULT_DPKG_LOCK_WAIT = Duration.ofSeconds(120);
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration FILE_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);
  private static final byte[] NO_INPUT = new byte[0];

  private final HostShell shell;
  private final String backupDir;
  private final Duration dpkgLockWait;

  /**
   * @param backupDir where replaced and deleted files are kept on the host, e.g. /var/backups/reconcile/RUN
   * @param dpkgLockWait how long apt waits for another process holding the dpkg lock before it fails
   */
  public HostApplier(HostShell shell, String backupDir, Duration dpkgLockWait) {
    this.shell = shell;
    this.backupDir = backupDir;
    this.dpkgLockWait = dpkgLockWait;
  }

  /** All of a phase's package changes in one apt-get run: `name=version`, `name`, or `name-` to remove. */
  public ApplyOutcome runPackages(List<String> aptArguments) {
    return run("apt-get install", ActionScripts.packages(aptArguments, dpkgLockWait.toSeconds()), NO_INPUT, APT_TIMEOUT);
  }

  /** The apt-get run, and the facts of the resources observed right after it; none when it failed. */
  public record PackagesOutcome(ApplyOutcome outcome, Optional<HostFacts> factsAfter) {}

  /**
   * {@link #runPackages}, then, in the same round trip, the observation of {@code observeAfter}: apt's
   * maintainer scripts replace conffiles and start services, so what comes after it is decided on facts
   * taken after it, without a round trip of their own. apt's output goes to stderr, the facts to stdout.
   */
  public PackagesOutcome runPackages(List<String> aptArguments, List<? extends ShellResource> observeAfter) {
    Optional<ObservationScript> observation = HostObserver.script(observeAfter);
    if (observation.isEmpty()) {
      ApplyOutcome outcome = runPackages(aptArguments);
      return new PackagesOutcome(outcome, outcome.done() ? Optional.of(HostObserver.NOTHING) : Optional.empty());
    }
    String script = "(\n" + ActionScripts.packages(aptArguments, dpkgLockWait.toSeconds()) + ") >&2\n"
        + "s=$?; [ \"$s\" -eq 0 ] || exit \"$s\"\n" + observation.get().script();
    ShellResult result;
    try {
      result = shell.run(script, NO_INPUT, APT_TIMEOUT);
    } catch (CommandTimeoutException e) {
      return new PackagesOutcome(timedOut("apt-get install", e), Optional.empty());
    }
    if (result.exitStatus() != 0) {
      return new PackagesOutcome(failed("apt-get install", result), Optional.empty());
    }
    return new PackagesOutcome(ApplyOutcome.success(ImmutableList.of()), Optional.of(observation.get().parse(result.stdoutText())));
  }

  public ApplyOutcome runHandler(Handler handler) {
    HostAction action = handler.command()
        .<HostAction>map(c -> new HostAction.RunCommand(c, Duration.ofMinutes(10)))
        .orElseGet(() -> new HostAction.ServiceControl(handler.service().orElseThrow(), handler.action()));
    return applyActions(ImmutableList.of(action));
  }

  /** Runs actions in order, stopping at the first that fails. */
  public ApplyOutcome applyActions(List<HostAction> actions) {
    ImmutableList.Builder<String> backups = ImmutableList.builder();
    for (HostAction action : actions) {
      ApplyOutcome outcome = applyAction(action);
      if (!outcome.done()) {
        return outcome;
      }
      backups.addAll(outcome.backups());
    }
    return ApplyOutcome.success(backups.build());
  }

  private ApplyOutcome applyAction(HostAction action) {
    if (action instanceof HostAction.WriteFile write) {
      return run("write " + write.path(), ActionScripts.writeFile(write, backupDir + write.path()), write.content(), FILE_TIMEOUT);
    } else if (action instanceof HostAction.SetAttributes attributes) {
      return run("chown/chmod " + attributes.path(), ActionScripts.setAttributes(attributes), NO_INPUT, FILE_TIMEOUT);
    } else if (action instanceof HostAction.DeleteFile delete) {
      return run("remove " + delete.path(), ActionScripts.deleteFile(delete, backupDir + delete.path()), NO_INPUT, FILE_TIMEOUT);
    } else if (action instanceof HostAction.ServiceControl control) {
      return run("service " + control.service() + " " + control.verb(), ActionScripts.serviceControl(control), NO_INPUT, SERVICE_TIMEOUT);
    } else if (action instanceof HostAction.ServiceBoot boot) {
      return run((boot.enabled() ? "enable " : "disable ") + boot.service(), ActionScripts.serviceBoot(boot), NO_INPUT, SERVICE_TIMEOUT);
    } else if (action instanceof HostAction.RunCommand command) {
      return run("command", ActionScripts.command(command), NO_INPUT, command.timeout());
    } else if (action instanceof HostAction.Fail fail) {
      return ApplyOutcome.failure(fail.reason());
    } else if (action instanceof HostAction.PackageChange change) {
      return runPackages(List.of(change.aptArgument()));
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  private ApplyOutcome run(String what, String script, byte[] stdin, Duration timeout) {
    ShellResult result;
    try {
      result = shell.run(script, stdin, timeout);
    } catch (CommandTimeoutException e) {
      return timedOut(what, e);
    }
    if (result.exitStatus() != 0) {
      return failed(what, result);
    }
    ImmutableList<String> backups = result.stdoutText().lines()
        .filter(l -> l.startsWith("backup " + backupDir + "/"))
        .map(l -> l.substring("backup ".length()))
        .collect(ImmutableList.toImmutableList());
    return ApplyOutcome.success(backups);
  }

  private static ApplyOutcome timedOut(String what, CommandTimeoutException e) {
    return ApplyOutcome.failure(what + ": " + e.getMessage());
  }

  private static ApplyOutcome failed(String what, ShellResult result) {
    return ApplyOutcome.failure(what + " failed (exit " + result.exitStatus() + "): " + result.errorTail());
  }
}
