package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import io.reconcile.backup.DatabaseDumps;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The database dumps around a phase that declares `backup:` (apply only: a check changes nothing). Before
 * the phase, the databases are dumped only when something of the phase is pending (a read-only look, as a
 * check takes), so a converged rerun dumps nothing; after it, only when the phase changed something. A
 * database unchanged since its latest dump is not dumped again. A dump that fails stops the run before the
 * phase changes what it would have saved.
 */
final class PhaseBackups {
  /** pg_dump of a large database takes minutes; this bounds a hung one. */
  private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(30);

  private final Function<HostTarget, HostLink> links;
  private final String runId;
  private final String dumpRoot;

  /** Dumps are kept under {@code backupRoot}/db on the backup host. */
  PhaseBackups(Function<HostTarget, HostLink> links, String runId, String backupRoot) {
    this.links = links;
    this.runId = runId;
    this.dumpRoot = backupRoot + "/db";
  }

  /** The dumps' report entries; {@code failed} when one could not be taken. */
  record Outcome(String host, ImmutableList<ResourceResult> results, boolean failed) {}

  /** Dumps before {@code phase} if it has work on any of {@code hosts}; empty when there is nothing to save. */
  Optional<Outcome> before(DesiredState desired, DesiredState.PhaseState phase, List<HostTarget> hosts) {
    if (phase.backup().isEmpty() || !pending(desired, phase, hosts)) {
      return Optional.empty();
    }
    return Optional.of(dump(phase, "before"));
  }

  /** Dumps after {@code phase} when it changed something (the end of one of the guide's steps). */
  Optional<Outcome> after(DesiredState.PhaseState phase, boolean changed) {
    return phase.backup().isPresent() && changed ? Optional.of(dump(phase, "after")) : Optional.empty();
  }

  /** Whether the phase has work on any host: all hosts looked at at once (the services are down meanwhile). */
  private boolean pending(DesiredState desired, DesiredState.PhaseState phase, List<HostTarget> hosts) {
    DesiredState only = new DesiredState(ImmutableList.of(phase), desired.handlers());
    List<Supplier<Boolean>> looks = hosts.stream().map(host -> InParallel.start("pending " + host.name(), () ->
        HostCheck.run(links.apply(host), only, host.name()).stream().anyMatch(r -> r.status() == ResourceStatus.DRIFT)))
        .toList();
    boolean pending = false;
    RuntimeException failed = null; // the first host's, as when they were looked at one after the other
    for (Supplier<Boolean> look : looks) { // every look is waited for: none is left running into the phase
      try {
        pending |= look.get();
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
    return pending;
  }

  private Outcome dump(DesiredState.PhaseState phase, String when) {
    DesiredState.Backup backup = phase.backup().orElseThrow();
    String host = backup.host().name();
    String label = when + "-" + phase.name();
    ImmutableList.Builder<ResourceResult> results = ImmutableList.builder();
    if (!backup.selected()) {
      return new Outcome(host, ImmutableList.of(failed(backup, label, "the databases of phase '" + phase.name()
          + "' are dumped through " + host + ", which this run does not select (--limit)")), true);
    }
    try {
      for (DatabaseDumps.Dump dump : new DatabaseDumps(links.apply(backup.host()).shell(), dumpRoot, DUMP_TIMEOUT)
          .dump(backup.databases(), runId + "-" + label)) {
        if (dump.taken()) {
          results.add(new ResourceResult(id(dump.prefix(), label), TYPE, phase.name(), ResourceStatus.CHANGED,
              Optional.of("changed since its latest dump"), Optional.of("dumped to " + dump.path() + " (sha256:"
              + dump.sha256().orElseThrow().substring(0, 12) + ", " + dump.bytes().orElseThrow() + " bytes)"),
              Optional.empty(), Optional.empty(), ImmutableList.of(dump.path())));
        }
      }
      return new Outcome(host, results.build(), false);
    } catch (DatabaseDumps.DumpFailedException | HostUnreachableException | io.reconcile.host.CommandTimeoutException e) {
      results.add(failed(backup, label, "database dump failed, nothing of phase '" + phase.name() + "' "
          + (when.equals("before") ? "was changed: " : "is saved yet: ") + e.getMessage()));
      return new Outcome(host, results.build(), true);
    }
  }

  private static final String TYPE = "database-backup";

  private static String id(String prefix, String label) {
    return TYPE + ":" + prefix + "@" + label;
  }

  private static ResourceResult failed(DesiredState.Backup backup, String label, String message) {
    String prefixes = String.join(",", backup.databases().stream().map(io.reconcile.db.engine.DatabaseEndpoint::prefix).toList());
    return ResourceResult.failed(id(prefixes, label), TYPE, label.substring(label.indexOf('-') + 1), message);
  }
}
