package io.reconcile.host;

import java.nio.charset.StandardCharsets;

/** Exit status and output of one script run. */
public record ShellResult(int exitStatus, byte[] stdout, byte[] stderr) {
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** The last lines of stderr (or stdout when stderr is empty), for a failure message. */
  public String errorTail() {
    String text = stderr.length > 0 ? stderrText() : stdoutText();
    String[] lines = text.strip().split("\n");
    int from = Math.max(0, lines.length - 5);
    return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
  }
}
