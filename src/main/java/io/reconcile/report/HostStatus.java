package io.reconcile.report;

import java.util.Locale;

/** Outcome of one host: `ok|drifted|changed|failed|unreachable` in reports. */
public enum HostStatus {
  OK,
  DRIFTED,
  CHANGED,
  FAILED,
  UNREACHABLE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
