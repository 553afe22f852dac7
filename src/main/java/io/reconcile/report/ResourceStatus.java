package io.reconcile.report;

import java.util.Locale;

/** Outcome of one resource on one host: `ok|drift|changed|failed|skipped` in reports. */
public enum ResourceStatus {
  OK,
  DRIFT,
  CHANGED,
  FAILED,
  SKIPPED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
