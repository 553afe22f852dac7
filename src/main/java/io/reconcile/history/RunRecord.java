package io.reconcile.history;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.HostResource;
import io.reconcile.plan.DesiredState;
import io.reconcile.report.ExitCodes;
import io.reconcile.report.Mode;
import io.reconcile.report.OutageWindow;
import io.reconcile.report.RunReport;
import io.reconcile.report.SecretMasker;
import io.reconcile.report.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * One run as the history keeps it: what it covered, its plan, its result (the masked report), and
 * where it left backups (on the hosts) and database exports (here).
 */
public record RunRecord(
    RunScope scope,
    String inventory,
    ImmutableList<PlannedPhase> plan,
    ImmutableList<String> backups,
    ImmutableList<String> exports,
    RunReport report) {

  /**
   * @param maskedReport the report as any output may show it (secrets masked)
   * @param exportRoot where the run's database exports went, as RUN_ID/...
   */
  public static RunRecord of(RunReport maskedReport, DesiredState desired, RunScope scope, Path inventory, Path exportRoot,
      SecretMasker masker) {
    ImmutableList<PlannedPhase> plan = desired.phases().stream()
        .map(phase -> new PlannedPhase(phase.name(), phase.resourcesByHost().entrySet().stream()
            .collect(ImmutableMap.toImmutableMap(e -> e.getKey(), e -> e.getValue().stream()
                .map(HostResource::declaration).map(d -> masker.mask(d.id().toString()))
                .collect(ImmutableList.toImmutableList())))))
        .collect(ImmutableList.toImmutableList());
    ImmutableList<String> backups = maskedReport.hosts().stream()
        .flatMap(h -> h.resources().stream().flatMap(r -> r.backups().stream().map(b -> h.name() + ":" + b)))
        .distinct() // several resources of one file (a line, then the whole file) share its one backup
        .collect(ImmutableList.toImmutableList());
    return new RunRecord(scope, inventory.toAbsolutePath().normalize().toString(), plan, backups,
        exportsOf(exportRoot.toAbsolutePath().resolve(maskedReport.runId())), maskedReport);
  }

  private static ImmutableList<String> exportsOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return ImmutableList.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(Path::toString).sorted().collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list exports in " + dir + ": " + e.getMessage(), e);
    }
  }

  public String id() {
    return report.runId();
  }

  public Instant finished() {
    return report.started().plus(report.elapsed());
  }

  /** A check that reached and checked every host: it may have found drift (exit 2), but it worked. */
  public boolean successfulCheck() {
    int code = report.exitCode();
    return report.mode() == Mode.CHECK && (code == ExitCodes.OK || code == ExitCodes.DRIFT);
  }

  public RunEntry entry() {
    Summary s = report.summary();
    return new RunEntry(id(), report.started(), report.mode(), scope.label(), s.hosts(), s.changes(),
        s.failed() + s.unreachable(), report.exitCode(), report.outage().flatMap(OutageWindow::duration));
  }
}
