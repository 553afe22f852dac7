package io.reconcile.cli;

import io.reconcile.history.RunHistory;
import io.reconcile.history.RunRecord;
import io.reconcile.history.RunRecordJson;
import io.reconcile.report.TextReport;
import io.reconcile.ssh.ShellQuote;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `reconcile show RUN`: one recorded run, as its text report (with diffs) or as its JSON record. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show one recorded run: its text report with diffs, backups and exports, or with --format json its whole record.")
final class ShowCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "run id, as `reconcile history` lists it")
  String runId;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Mixin HistoryOptions history;

  @Override
  public Integer call() {
    Optional<RunRecord> found;
    try (RunHistory store = history.open()) {
      found = store.find(runId);
    } catch (IllegalStateException | UncheckedIOException e) {
      spec.commandLine().getErr().println("reconcile: " + e.getMessage());
      return HistoryOptions.UNAVAILABLE;
    }
    RunRecord run = found.orElseThrow(() -> new ParameterException(spec.commandLine(), "no run '" + runId + "' in the history"));
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? new RunRecordJson().write(run) : text(run));
    out.flush();
    return 0;
  }

  /**
   * The command that puts a backup {@code HOST:ROOT/RUN/PATH} back at {@code PATH}, keeping its owner and
   * mode; the file the run wrote goes to PATH.reconcile-undone first, so that undoing is not a loss either.
   */
  static String restore(String runId, String hostAndBackup) {
    String backup = hostAndBackup.substring(hostAndBackup.indexOf(':') + 1);
    int run = backup.indexOf("/" + runId + "/");
    String original = run < 0 ? "ORIGINAL_PATH" : backup.substring(run + runId.length() + 1);
    String target = ShellQuote.quote(original);
    return "[ ! -e " + target + " ] || cp -p -- " + target + " " + ShellQuote.quote(original + ".reconcile-undone")
        + "; cp -p -- "
        + ShellQuote.quote(backup) + " " + target;
  }

  static String text(RunRecord run) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run %s: %s of %s (scope %s), started %s, exit status %d%n", run.id(),
        run.report().mode().label(), run.inventory(), run.scope().label(), run.report().started(), run.report().exitCode()));
    out.append(new TextReport(true).render(run.report()));
    if (!run.backups().isEmpty()) {
      out.append("Backups (the file as it was before this run changed it first; to restore one, run on its host"
          + " the line below it):\n");
      run.backups().forEach(b -> out.append("  ").append(b).append('\n')
          .append("      ").append(restore(run.id(), b)).append('\n'));
    }
    if (!run.exports().isEmpty()) {
      out.append("Database exports:\n");
      run.exports().forEach(e -> out.append("  ").append(e).append('\n'));
    }
    return out.toString();
  }
}
