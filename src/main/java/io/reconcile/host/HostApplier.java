package io.reconcile.host;

import com.google.common.collect.ImmutableList;
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

  /** The apt-get run, and the facts observed right after it: none when nothing was to be observed, or it failed. */
  public record PackagesOutcome(ApplyOutcome outcome, Optional<HostFacts> factsAfter) {}

  /**
   * All of a phase's package changes in one apt-get run ({@code name=version}, {@code name}, or
   * {@code name-} to remove), then, in the same round trip, the observation of {@code observeAfter}: apt's
   * maintainer scripts replace conffiles and start services, so what comes after it is decided on facts
   * taken after it, without a round trip of their own. apt's output goes to stderr, the facts to stdout.
   */
  public PackagesOutcome runPackages(List<String> aptArguments, List<? extends ShellResource> observeAfter) {
    Optional<ObservationScript> observation = HostObserver.script(observeAfter);
    String script = "(\n" + AptScripts.packages(aptArguments, dpkgLockWait.toSeconds()) + ") >&2\n"
        + "s=$?; [ \"$s\" -eq 0 ] || exit \"$s\"\n" + observation.map(ObservationScript::script).orElse("");
    ShellResult result;
    try {
      result = shell.run(script, NO_INPUT, APT_TIMEOUT);
    } catch (CommandTimeoutException e) {
      return new PackagesOutcome(ApplyOutcome.failure("apt-get install: " + e.getMessage()), Optional.empty());
    }
    if (result.exitStatus() != 0) {
      return new PackagesOutcome(ApplyOutcome.failed("apt-get install", result.exitStatus(), result.errorTail()), Optional.empty());
    }
    return new PackagesOutcome(ApplyOutcome.success(ImmutableList.of()), observation.map(o -> o.parse(result.stdoutText())));
  }

  /**
   * Downloads what {@link #runPackages} with these arguments would install into the host's apt cache, and
   * nothing else: the host's packages, files and services stay as they are.
   */
  public ApplyOutcome downloadPackages(List<String> aptArguments) {
    try {
      String script = AptScripts.download(aptArguments, dpkgLockWait.toSeconds());
      ShellResult result = shell.run(script, NO_INPUT, APT_TIMEOUT);
      return result.exitStatus() == 0 ? ApplyOutcome.success(ImmutableList.of())
          : ApplyOutcome.failed("apt-get --download-only", result.exitStatus(), result.errorTail());
    } catch (CommandTimeoutException e) {
      return ApplyOutcome.failure("apt-get --download-only: " + e.getMessage());
    }
  }

  /**
   * What a run of changes did, and the facts observed right after it in the same round trip: none when
   * nothing was to be observed, or a change failed.
   */
  public record ChangesOutcome(ImmutableList<ApplyOutcome> outcomes, Optional<HostFacts> factsAfter) {}

  /**
   * Several changes, each a list of actions, in one script and round trip, stopping at the first action
   * that fails; then, in the same round trip, the observation of {@code observeAfter}. There is one
   * outcome per change attempted, in order, a failed one last; those after it were not attempted.
   * Package changes go through {@link #runPackages}; a refused change ({@link Change#refusal}) has no
   * actions to run.
   */
  public ChangesOutcome apply(List<? extends List<ScriptAction>> changes, List<? extends ShellResource> observeAfter) {
    ActionBatch batch = new ActionBatch(changes, backupDir, HostObserver.script(observeAfter));
    ShellResult result;
    try {
      result = shell.run(batch.script(), batch.stdin(), batch.timeout(HostObserver.OBSERVE_TIMEOUT));
    } catch (CommandTimeoutException e) {
      return new ChangesOutcome(batch.timedOut(e), Optional.empty());
    }
    return new ChangesOutcome(batch.outcomes(result), batch.factsAfter(result));
  }

  /** One action on its own, observing nothing after it (a handler's). */
  public ApplyOutcome run(ScriptAction action) {
    return apply(List.of(List.of(action)), List.of()).outcomes().get(0);
  }
}
