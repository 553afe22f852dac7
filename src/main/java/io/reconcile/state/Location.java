package io.reconcile.state;

/** Where a declaration was written, for error messages. */
public record Location(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
