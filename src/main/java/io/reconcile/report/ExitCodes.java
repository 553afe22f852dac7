package io.reconcile.report;

/** The exit status contract of docs/contracts.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int DRIFT = 2;
  public static final int HOST_FAILED = 4;
  public static final int USAGE = 64;
  public static final int INVALID_INPUT = 65;
  /** Interrupted by SIGINT or SIGTERM: work in flight finished, the rest was skipped (128 + SIGINT, as shells report Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
