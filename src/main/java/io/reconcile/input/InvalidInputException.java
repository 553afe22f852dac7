package io.reconcile.input;
/** Bad operator input (inventory, state, template, variable): exit 65, reported as file:line: message. */
public final class InvalidInputException extends RuntimeException {
  private final String file; private final int line; // line 0 = whole file
  public InvalidInputException(String file, int line, String message) { super(message); this.file = file; this.line = line; }
  public String file() { return file; }
  public int line() { return line; }
  /** "file:line: message" (or "file: message" when line is 0). */
  public String describe() { return line > 0 ? file + ":" + line + ": " + getMessage() : file + ": " + getMessage(); }
}
