package io.reconcile.cli;

import io.reconcile.history.RunRecord;
import io.reconcile.plan.RunListener;
import io.reconcile.report.SecretMasker;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options for unattended runs (reports for CI, metrics for monitoring, run history, progress). */
final class OperationsOptions {
  enum Progress { auto, tty, plain, none }

  @Option(names = "--report-junit", paramLabel = "FILE",
      description = "also write a JUnit XML report: one testcase per host and resource, drift and failures failing")
  Path reportJunit;

  @Option(names = "--metrics", paramLabel = "FILE",
      description = "also write Prometheus metrics for node_exporter's textfile collector (name it *.prom)")
  Path metrics;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
      description = "progress on stderr: auto (live on a terminal, else lines), tty, plain, none (default: ${DEFAULT-VALUE})")
  Progress progress;

  @Mixin HistoryOptions history;

  /** The progress display for this run (on stderr, never on stdout). */
  RunListener progress(PrintWriter err, SecretMasker masker) {
    boolean terminal = progress == Progress.tty || (progress == Progress.auto && System.console() != null);
    if (progress == Progress.none) {
      return RunListener.NONE;
    }
    return terminal ? new TerminalProgress(err, masker, terminalWidth()) : new ProgressLines(err, masker);
  }

  /** Records the run in the history and writes the JUnit and metrics files asked for. */
  void finish(RunRecord run, PrintWriter err) {
    new RunOutputs(history, reportJunit, metrics).write(run, err);
  }

  private static int terminalWidth() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
