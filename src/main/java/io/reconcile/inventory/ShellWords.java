package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;

/**
 * Splits a host line into words the way Ansible does ({@code shlex.split(line, comments=True)} in
 * POSIX mode): blanks separate words, single quotes are literal, double quotes allow {@code \"}
 * and {@code \\}, a backslash outside quotes escapes any character, and an unquoted {@code #}
 * (even inside a word) starts a comment that runs to the end of the line.
 */
final class ShellWords {
  private static final String BLANKS = " \t\r\n"; // shlex's whitespace

  private ShellWords() {}

  static ImmutableList<String> split(String line) {
    ImmutableList.Builder<String> words = ImmutableList.builder();
    StringBuilder word = new StringBuilder();
    boolean inWord = false; // true once a word started, even if it is an empty quoted string
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (BLANKS.indexOf(c) >= 0) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#') {
        break;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw new InventorySyntaxException("no character after the trailing backslash");
        }
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          throw new InventorySyntaxException("no closing single quote");
        }
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        i = appendDoubleQuoted(line, i + 1, word);
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.build();
  }

  /** Appends the body of a double-quoted string starting at {@code start}; returns the index after the closing quote. */
  private static int appendDoubleQuoted(String line, int start, StringBuilder word) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw new InventorySyntaxException("no closing double quote");
        }
        char next = line.charAt(i + 1);
        if (next != '"' && next != '\\') {
          word.append('\\'); // POSIX shells keep the backslash before ordinary characters in "..."
        }
        word.append(next);
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new InventorySyntaxException("no closing double quote");
  }
}
