package io.reconcile.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reconcile.history.RunEntry;
import io.reconcile.history.RunHistory;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `reconcile history`: the recorded runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List recorded runs, newest first: id, start (UTC), mode, hosts, changes, failed hosts, exit status, "
        + "outage of the web services (seconds).")
final class HistoryCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Option(names = {"--last", "-n"}, defaultValue = "20", paramLabel = "N", description = "how many runs (default: ${DEFAULT-VALUE})")
  int last;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Mixin HistoryOptions history;

  @Override
  public Integer call() {
    if (last < 1) {
      throw new ParameterException(spec.commandLine(), "--last must be at least 1");
    }
    List<RunEntry> entries;
    try (RunHistory store = history.open()) {
      entries = store.latest(last);
    } catch (IllegalStateException | UncheckedIOException e) {
      spec.commandLine().getErr().println("reconcile: " + e.getMessage());
      return HistoryOptions.UNAVAILABLE;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(entries) : table(entries));
    out.flush();
    return 0;
  }

  static String table(List<RunEntry> entries) {
    StringBuilder out = new StringBuilder(String.format("%-22s %-20s %-5s %5s %7s %6s %4s %8s  %s%n",
        "RUN", "STARTED", "MODE", "HOSTS", "CHANGES", "FAILED", "EXIT", "OUTAGE_S", "SCOPE"));
    for (RunEntry e : entries) {
      String outage = e.outage().map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("-");
      out.append(String.format("%-22s %-20s %-5s %5d %7d %6d %4d %8s  %s%n", e.id(),
          e.started().truncatedTo(ChronoUnit.SECONDS), e.mode().label(), e.hosts(), e.changes(), e.failed(),
          e.exitCode(), outage, e.scope()));
    }
    return out.toString();
  }

  private static String json(List<RunEntry> entries) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode runs = mapper.createArrayNode();
    for (RunEntry e : entries) {
      ObjectNode run = runs.addObject();
      run.put("id", e.id());
      run.put("started", e.started().toString());
      run.put("mode", e.mode().label());
      run.put("scope", e.scope());
      run.put("hosts", e.hosts());
      run.put("changes", e.changes());
      run.put("failed", e.failed());
      run.put("exit_code", e.exitCode());
      e.outage().ifPresentOrElse(d -> run.put("outage_seconds", d.toMillis() / 1000.0),
          () -> run.putNull("outage_seconds"));
    }
    return runs.toPrettyString() + "\n";
  }
}
