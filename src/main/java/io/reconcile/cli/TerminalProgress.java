package io.reconcile.cli;

import io.reconcile.report.HostResult;
import io.reconcile.report.SecretMasker;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Live progress on a terminal: the lines of {@link ProgressLines}, and below them one status line,
 * redrawn in place, with the step, how many hosts are done, and the hosts still running.
 */
final class TerminalProgress extends ProgressLines {
  private static final String CLEAR_LINE = "\r\033[K";
  /**
   * Ends what is drawn on the status line: the cursor goes back to its start, and the masking of stderr
   * (which writes whole lines only) lets the line through now.
   */
  private static final String END_OF_STATUS = "\r";

  private final int width;
  private final Set<String> running = new LinkedHashSet<>();
  private String phase = "";
  private int hosts;
  private int done;

  TerminalProgress(PrintWriter err, SecretMasker masker, int width) {
    super(err, masker);
    this.width = width;
  }

  @Override
  public synchronized void phaseStarted(String phase, int hosts) {
    this.phase = phase;
    this.hosts = hosts;
    this.done = 0;
    running.clear();
    super.phaseStarted(phase, hosts);
  }

  @Override
  public synchronized void hostStarted(String phase, String host) {
    running.add(host);
    redraw();
  }

  @Override
  public synchronized void hostFinished(String phase, HostResult result) {
    running.remove(result.name());
    done++;
    super.hostFinished(phase, result);
  }

  @Override
  public synchronized void runFinished() {
    err().print(CLEAR_LINE + END_OF_STATUS);
    err().flush();
  }

  @Override
  synchronized void line(String text) {
    err().print(CLEAR_LINE);
    super.line(text);
    redraw();
  }

  private void redraw() {
    if (hosts == 0) {
      return;
    }
    String status = step(phase) + " " + done + "/" + hosts + " hosts done" + (running.isEmpty() ? "" : "; running: " + String.join(" ", running));
    if (status.length() > width - 1) {
      status = status.substring(0, Math.max(0, width - 2)) + "…";
    }
    err().print(CLEAR_LINE + status + END_OF_STATUS);
    err().flush();
  }
}
