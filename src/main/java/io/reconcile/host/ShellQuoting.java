package io.reconcile.host;

/** POSIX single quoting: any value becomes one shell word, carried as data, never run. */
public final class ShellQuoting {
  private ShellQuoting() {}

  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
