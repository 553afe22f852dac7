package io.reconcile.host;

/**
 * What an action alters on a host, as an observation sees it: changes decided on the same facts may share
 * a script only up to one that alters what a later resource observes (docs/decisions/0006).
 */
public sealed interface Touches {
  /** One file (its content, owner, group or mode, or whether it exists). */
  record File(String path) implements Touches {}

  /** One service (running, enabled). */
  record Service(String name) implements Touches {}

  /** Not known: a declared command can alter anything. */
  record Anything() implements Touches {}
}
