package io.reconcile.cli;

import io.reconcile.history.RunHistory;
import io.reconcile.history.RunRecord;
import io.reconcile.report.JunitReport;
import io.reconcile.report.MetricsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a finished run leaves besides stdout: its history record, the JUnit report and the metrics file.
 * A history that cannot be written is a warning, not a failure: the exit status stays the fleet's, so a
 * scheduler still sees drift and failed hosts; the metrics then lack only the last successful check
 * (when this run is not one).
 */
final class RunOutputs {
  private final HistoryOptions history;
  private final Optional<Path> junit;
  private final Optional<Path> metrics;

  RunOutputs(HistoryOptions history, Path junit, Path metrics) {
    this.history = history;
    this.junit = Optional.ofNullable(junit);
    this.metrics = Optional.ofNullable(metrics);
  }

  void write(RunRecord run, PrintWriter err) {
    Optional<Instant> lastSuccessfulCheck = run.successfulCheck() ? Optional.of(run.finished()) : Optional.empty();
    try (RunHistory store = history.open()) {
      store.record(run);
      if (lastSuccessfulCheck.isEmpty()) {
        lastSuccessfulCheck = store.lastSuccessfulCheck(run.scope().label());
      }
    } catch (RuntimeException e) {
      err.println("reconcile: warning: run " + run.id() + " not recorded in the history: " + e.getMessage());
      err.flush();
    }
    junit.ifPresent(file -> ReportFiles.write(file, new JunitReport().render(run.report())));
    Optional<Instant> last = lastSuccessfulCheck;
    metrics.ifPresent(file -> ReportFiles.writeReadable(file, new MetricsReport().render(run.report(),
        run.scope().label(), last)));
  }
}
