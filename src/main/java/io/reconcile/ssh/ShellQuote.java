package io.reconcile.ssh;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting: the ONE way to put a value (inventory variable, state value, file name) into a
 * remote command. A quoted value is always a single word that the remote {@code sh} passes on verbatim:
 * no expansion, no word splitting, no command substitution, newlines and quotes included.
 */
public final class ShellQuote {
  // Words made only of these characters mean the same quoted or not; leaving them bare keeps commands readable.
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuote() {}

  /**
   * Quotes {@code value} as one shell word. Inside single quotes nothing is special except the single
   * quote itself, which is written as {@code '\''} (close, escaped quote, reopen).
   *
   * @throws IllegalArgumentException if the value contains NUL, which no shell word can carry (send such
   *     data on stdin instead)
   */
  public static String quote(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain NUL; send such data on stdin");
    }
    if (SAFE_WORD.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Joins words into a command line, quoting every one: {@code command("rm", "-f", path)}. */
  public static String command(String... words) {
    return command(Arrays.asList(words));
  }

  /** Joins words into a command line, quoting every one. */
  public static String command(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least one word");
    }
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
