package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.state.Handler;
import io.reconcile.state.ResourceId;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one host's pending changes of a phase, in order. All package changes run in one apt-get
 * call, at the place of the first one. The first failure stops the host: what follows is not
 * attempted, because later declarations may rely on earlier ones (services down before packages).
 */
public final class HostApplier {
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration FILE_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);
  private static final byte[] NO_INPUT = new byte[0];

  private final HostShell shell;
  private final String backupDir;

  /** @param backupDir where replaced and deleted files are kept on the host, e.g. /var/backups/reconcile/RUN */
  public HostApplier(HostShell shell, String backupDir) {
    this.shell = shell;
    this.backupDir = backupDir;
  }

  public ImmutableMap<ResourceId, ApplyOutcome> apply(List<PendingChange> changes) {
    Map<ResourceId, ApplyOutcome> outcomes = new LinkedHashMap<>();
    boolean packagesDone = false;
    for (PendingChange pending : changes) {
      ResourceId id = pending.declaration().id();
      if (outcomes.containsKey(id)) {
        continue; // decided together with the package run
      }
      if (outcomes.values().stream().anyMatch(o -> !o.done())) {
        outcomes.put(id, ApplyOutcome.failure("not attempted: an earlier resource on this host failed"));
        continue;
      }
      if (!packagesDone && hasPackageChange(pending.change())) {
        packagesDone = true;
        ApplyOutcome apt = runPackages(changes);
        changes.stream().filter(c -> hasPackageChange(c.change())).forEach(c -> outcomes.put(c.declaration().id(), apt));
        continue;
      }
      outcomes.put(id, applyActions(pending.change().actions()));
    }
    return ImmutableMap.copyOf(outcomes);
  }

  public ApplyOutcome runHandler(Handler handler) {
    HostAction action = handler.command()
        .<HostAction>map(c -> new HostAction.RunCommand(c, Duration.ofMinutes(10)))
        .orElseGet(() -> new HostAction.ServiceControl(handler.service().orElseThrow(), handler.action()));
    return applyActions(ImmutableList.of(action));
  }

  private static boolean hasPackageChange(Change change) {
    return change.actions().stream().anyMatch(a -> a instanceof HostAction.PackageChange);
  }

  private ApplyOutcome runPackages(List<PendingChange> changes) {
    List<String> arguments = changes.stream()
        .flatMap(c -> c.change().actions().stream())
        .filter(a -> a instanceof HostAction.PackageChange)
        .map(a -> ((HostAction.PackageChange) a).aptArgument())
        .toList();
    return run("apt-get install", ActionScripts.packages(arguments), NO_INPUT, APT_TIMEOUT);
  }

  private ApplyOutcome applyActions(List<HostAction> actions) {
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
      return run("apt-get install", ActionScripts.packages(List.of(change.aptArgument())), NO_INPUT, APT_TIMEOUT);
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  private ApplyOutcome run(String what, String script, byte[] stdin, Duration timeout) {
    ShellResult result;
    try {
      result = shell.run(script, stdin, timeout);
    } catch (CommandTimeoutException e) {
      return ApplyOutcome.failure(what + ": " + e.getMessage());
    }
    if (result.exitStatus() != 0) {
      return ApplyOutcome.failure(what + " failed (exit " + result.exitStatus() + "): " + result.errorTail());
    }
    ImmutableList<String> backups = result.stdoutText().lines()
        .filter(l -> l.startsWith("backup " + backupDir + "/"))
        .map(l -> l.substring("backup ".length()))
        .collect(ImmutableList.toImmutableList());
    return ApplyOutcome.success(backups);
  }

}
