package io.reconcile.inventory;

import java.util.regex.Pattern;

/**
 * Shell-style wildcards as Python's fnmatch understands them ({@code *}, {@code ?}, {@code [seq]},
 * {@code [!seq]}), translated to a regular expression that must match the whole name, case-sensitively.
 */
final class Glob {
  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        int close = classEnd(glob, i);
        if (close < 0) {
          regex.append("\\["); // an unclosed '[' is literal
        } else {
          regex.append(characterClass(glob.substring(i, close)));
          i = close + 1;
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Index of the ']' closing a class whose body starts at {@code start}; a leading '!' or ']' belongs to the body. */
  private static int classEnd(String glob, int start) {
    int j = start;
    if (j < glob.length() && glob.charAt(j) == '!') {
      j++;
    }
    if (j < glob.length() && glob.charAt(j) == ']') {
      j++;
    }
    return glob.indexOf(']', j);
  }

  private static String characterClass(String body) {
    boolean negated = body.startsWith("!");
    String members = negated ? body.substring(1) : body;
    StringBuilder cls = new StringBuilder(negated ? "[^" : "[");
    for (int k = 0; k < members.length(); k++) {
      char m = members.charAt(k);
      boolean range = m == '-' && k > 0 && k < members.length() - 1;
      cls.append(range ? "-" : escapeInClass(m));
    }
    return cls.append(']').toString();
  }

  private static String escapeInClass(char c) {
    return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
  }
}
