package io.reconcile.report;

import java.util.Locale;

/** The plan-like text report: per host, per resource that is not ok, and a summary line. */
public final class TextReport {
  private final boolean showDiffs;

  public TextReport(boolean showDiffs) {
    this.showDiffs = showDiffs;
  }

  public String render(RunReport report) {
    StringBuilder out = new StringBuilder();
    for (HostResult host : report.hosts()) {
      out.append(host.name()).append(": ").append(host.status().label());
      host.error().ifPresent(e -> out.append(": ").append(e));
      out.append('\n');
      for (ResourceResult resource : host.resources()) {
        if (resource.status() == ResourceStatus.OK) {
          continue;
        }
        out.append("  ").append(symbol(resource.status())).append(' ').append(resource.id());
        if (resource.before().isPresent() || resource.after().isPresent()) {
          out.append(": ").append(resource.before().orElse("-")).append(" -> ").append(resource.after().orElse("-"));
        }
        out.append(resource.status() == ResourceStatus.DRIFT || resource.status() == ResourceStatus.CHANGED
            ? "" : " [" + resource.status().label() + "]");
        out.append('\n');
        resource.error().ifPresent(e -> out.append("      ").append(e).append('\n'));
        resource.backups().forEach(b -> out.append("      backup: ").append(b).append('\n'));
        if (showDiffs) {
          resource.diff().ifPresent(d -> d.lines().forEach(l -> out.append("      ").append(l).append('\n')));
        }
      }
      long ok = host.count(ResourceStatus.OK);
      if (ok > 0) {
        out.append("  = ").append(ok).append(ok == 1 ? " resource" : " resources").append(" ok\n");
      }
    }
    report.stoppedAt().ifPresent(p -> out.append("Stopped after phase '").append(p)
        .append("': fix the failures above and run again; finished work is not repeated.\n"));
    report.interrupted().ifPresent(why -> out.append("Interrupted (").append(why)
        .append("): work in flight finished, the rest was skipped; run again to converge.\n"));
    report.outage().ifPresent(o -> out.append(outage(o)).append('\n'));
    Summary s = report.summary();
    out.append(String.format(Locale.ROOT,
        "Summary (%s): %d hosts: %d ok, %d drifted, %d changed, %d failed, %d unreachable; %d %s in %.1f s%n",
        report.mode().label(), s.hosts(), s.ok(), s.drifted(), s.changed(), s.failed(), s.unreachable(), s.changes(),
        s.changes() == 1 ? "change" : "changes", report.elapsed().toMillis() / 1000.0));
    return out.toString();
  }

  /** One line: how long, what stopped first and what came back last, or what the run left down. */
  static String outage(OutageWindow outage) {
    String length = outage.duration().map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
        .orElse(outage.lastServing().isPresent() ? "began before this run" : "not over at the end of this run");
    String from = outage.firstStopped().map(at -> "; stopped " + outage.firstStoppedBy().orElseThrow() + " at " + at)
        .orElse("");
    String to = outage.lastServing().map(at -> "; serving again: " + outage.lastServingBy().orElseThrow() + " at " + at)
        .orElse("; still down: " + String.join(", ", outage.downAtEnd()));
    return "Outage of the web services: " + length + from + to;
  }

  private static char symbol(ResourceStatus status) {
    return switch (status) {
      case DRIFT, CHANGED -> '~';
      case FAILED -> '!';
      case SKIPPED -> '-';
      case OK -> '=';
    };
  }
}
