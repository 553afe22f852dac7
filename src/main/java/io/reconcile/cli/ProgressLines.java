package io.reconcile.cli;

import io.reconcile.plan.RunListener;
import io.reconcile.report.HostResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.SecretMasker;
import java.io.PrintWriter;

/** Progress as plain lines on stderr (piped, cron, CI): one line per step started and per host done. */
class ProgressLines implements RunListener {
  private final PrintWriter err;
  private final SecretMasker masker;

  ProgressLines(PrintWriter err, SecretMasker masker) {
    this.err = err;
    this.masker = masker;
  }

  @Override
  public synchronized void phaseStarted(String phase, int hosts) {
    line(step(phase) + ": " + hosts + (hosts == 1 ? " host" : " hosts"));
  }

  @Override
  public synchronized void hostFinished(String phase, HostResult result) {
    line(step(phase) + ": " + result.name() + ": " + describe(result));
  }

  /** Prints one whole line (subclasses keep their live display below it). */
  void line(String text) {
    err.println("reconcile: " + masker.mask(text));
    err.flush();
  }

  PrintWriter err() {
    return err;
  }

  static String step(String phase) {
    boolean step = phase.equals("check") || phase.equals("verify") || phase.equals("plan"); // not phases of states/
    return step ? "[" + phase + "]" : "[phase " + phase + "]";
  }

  static String describe(HostResult result) {
    long changes = result.count(ResourceStatus.DRIFT) + result.count(ResourceStatus.CHANGED);
    long failed = result.count(ResourceStatus.FAILED);
    StringBuilder text = new StringBuilder(result.status().label());
    if (changes > 0 || failed > 0) {
      text.append(" (").append(changes).append(changes == 1 ? " change" : " changes");
      if (failed > 0) {
        text.append(", ").append(failed).append(" failed");
      }
      text.append(')');
    }
    result.error().ifPresent(e -> text.append(": ").append(e));
    return text.toString();
  }
}
