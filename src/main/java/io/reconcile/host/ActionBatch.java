package io.reconcile.host;

import static io.reconcile.ssh.ShellQuote.quote;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Several changes' actions as one script, so that they cost one round trip, optionally followed by an
 * observation; and the reader of its output. Actions run in order and the first that fails stops the
 * script. File contents travel on stdin one after the other, each read by its length. Every action's
 * output goes to stderr (its backups to fd 3, i.e. stdout), between markers that tell which action was
 * running, so a failure names its own action and shows only its own output.
 */
final class ActionBatch {
  private final ImmutableList<ImmutableList<ScriptAction>> changes;
  private final String backupDir;
  private final Optional<ObservationScript> observation;
  private final String marker;

  /** @param changes each change's actions; all of them scripts (no package change) */
  ActionBatch(List<? extends List<ScriptAction>> changes, String backupDir, Optional<ObservationScript> observation) {
    this.changes = changes.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    this.backupDir = backupDir;
    this.observation = observation;
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    this.marker = "@@reconcile-act-" + HexFormat.of().formatHex(nonce) + "@@";
  }

  String script() {
    StringBuilder s = new StringBuilder("a=").append(quote(marker)).append('\n');
    for (int c = 0; c < changes.size(); c++) {
      for (int i = 0; i < changes.get(c).size(); i++) {
        ScriptAction action = changes.get(c).get(i);
        String position = c + " " + i;
        s.append("echo \"$a ").append(position).append("\"; echo \"$a ").append(position).append("\" >&2\n")
            .append("(\n").append(action.script(backupDir)).append(") 3>&1 >&2")
            .append(action.stdin().length > 0 ? "" : " </dev/null").append('\n')
            .append("s=$?; if [ \"$s\" -ne 0 ]; then echo \"$a failed $s\"; exit \"$s\"; fi\n");
      }
    }
    s.append("echo \"$a done\"\n");
    observation.ifPresent(o -> s.append(o.script()));
    return s.toString();
  }

  /** The contents of the files written, in the order the script reads them. */
  byte[] stdin() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    changes.forEach(actions -> actions.forEach(a -> in.writeBytes(a.stdin())));
    return in.toByteArray();
  }

  /** What each action may take, added up, and the observation's time. */
  Duration timeout(Duration observationTimeout) {
    Duration total = observation.isPresent() ? observationTimeout : Duration.ZERO;
    for (List<ScriptAction> actions : changes) {
      for (ScriptAction action : actions) {
        total = total.plus(action.timeout());
      }
    }
    return total;
  }

  /** One outcome per change attempted, in order: a failed one is the last. */
  ImmutableList<ApplyOutcome> outcomes(ShellResult result) {
    List<List<String>> backups = new ArrayList<>();
    changes.forEach(c -> backups.add(new ArrayList<>()));
    int change = -1;
    int action = -1;
    boolean done = false;
    for (String line : result.stdoutText().split("\n", -1)) {
      if (line.startsWith(marker + " ")) {
        String[] words = line.substring(marker.length() + 1).split(" ");
        if (words[0].equals("done")) {
          done = true;
          break;
        }
        if (!words[0].equals("failed")) {
          change = Integer.parseInt(words[0]);
          action = Integer.parseInt(words[1]);
        }
      } else if (change >= 0 && line.startsWith("backup " + backupDir + "/")) {
        backups.get(change).add(line.substring("backup ".length()));
      }
    }
    if (result.exitStatus() == 0 && !done) {
      throw new IllegalStateException("the output of the changes was cut short");
    }
    if (!done && change < 0) { // the script failed before its first action
      change = 0;
      action = 0;
    }
    ImmutableList.Builder<ApplyOutcome> outcomes = ImmutableList.builder();
    int attempted = done ? changes.size() : change + 1;
    for (int c = 0; c < attempted; c++) {
      boolean failedHere = !done && c == change;
      outcomes.add(failedHere
          ? ApplyOutcome.failed(changes.get(c).get(action).description(), result.exitStatus(), ownErrorTail(result, c + " " + action))
          : ApplyOutcome.success(ImmutableList.copyOf(backups.get(c))));
    }
    return outcomes.build();
  }

  /** Every change failed: the script hung, and which of its actions ran is not known. */
  ImmutableList<ApplyOutcome> timedOut(CommandTimeoutException e) {
    String others = changes.size() == 1 ? ""
        : " (in one script with " + (changes.size() - 1) + " other change" + (changes.size() == 2 ? "" : "s")
            + "; which of them were done is not known)";
    return changes.stream()
        .map(actions -> ApplyOutcome.failure(actions.get(0).description() + ": " + e.getMessage() + others))
        .collect(ImmutableList.toImmutableList());
  }

  /** The facts observed after the changes: none when none were asked for, or a change failed. */
  Optional<HostFacts> factsAfter(ShellResult result) {
    return result.exitStatus() == 0 ? observation.map(o -> o.parse(result.stdoutText())) : Optional.empty();
  }

  /** The failed action's own stderr: what follows its marker. */
  private String ownErrorTail(ShellResult result, String position) {
    String stderr = result.stderrText();
    String start = marker + " " + position + "\n";
    int at = stderr.lastIndexOf(start);
    String own = at < 0 ? stderr : stderr.substring(at + start.length());
    return new ShellResult(result.exitStatus(), new byte[0], own.getBytes(StandardCharsets.UTF_8)).errorTail();
  }
}
