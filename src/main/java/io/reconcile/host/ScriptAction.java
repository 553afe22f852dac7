package io.reconcile.host;

import java.time.Duration;

/**
 * An action that is a shell script of its own. Several run in one round trip ({@link ActionBatch}), each
 * in a subshell, so each knows its script, how a failure names it, how long it may take and what it
 * alters; the resource type that makes it defines it in its own package.
 */
public non-sealed interface ScriptAction extends HostAction {
  /**
   * The shell text. What it replaces or removes is kept under {@code backupDir} (the path as is, below
   * it), and each backup's path printed on fd 3 as `backup PATH`.
   */
  String script(String backupDir);

  /** How a failure names it, e.g. `write /etc/x.conf`. */
  String description();

  /** How long it may take. */
  Duration timeout();

  /** What it alters that an observation sees. */
  Touches touches();

  /** What the script reads from stdin (a file's new content, read by its length); nothing for most. */
  default byte[] stdin() {
    return new byte[0];
  }

  /**
   * Whether the script's time is the operator's to bound (a declared command's timeout): then nothing else,
   * not even the observation after it, goes in its round trip.
   */
  default boolean boundedByItsOwnTimeout() {
    return false;
  }
}
