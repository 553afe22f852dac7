package io.reconcile.report;

/** `check` observes and plans only; `apply` also changes hosts. */
public enum Mode {
  CHECK,
  APPLY;

  public String label() {
    return this == CHECK ? "check" : "apply";
  }
}
