package io.reconcile.inventory;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;

/**
 * Expands Ansible host ranges: {@code www[01:50].example.com} (leading zeros keep the width),
 * {@code www[01:50:2]} (stride), {@code db-[a:f]} (letters, ordered a..z then A..Z as in Python's
 * string.ascii_letters), several ranges in one name (expanded left to right). An omitted begin
 * means 0.
 */
final class HostRange {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private HostRange() {}

  static ImmutableList<String> expand(String pattern) {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    expandInto(pattern, names);
    return names.build();
  }

  private static void expandInto(String pattern, ImmutableList.Builder<String> names) {
    int open = pattern.indexOf('[');
    if (open < 0) {
      names.add(pattern);
      return;
    }
    int close = pattern.indexOf(']', open);
    if (close < 0) {
      throw new InventorySyntaxException("host range in '" + pattern + "' has no closing ']'");
    }
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    for (String item : items(pattern, pattern.substring(open + 1, close))) {
      expandInto(head + item + tail, names);
    }
  }

  private static ImmutableList<String> items(String pattern, String range) {
    String[] bounds = range.split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw bad(pattern, "expected [begin:end] or [begin:end:step]");
    }
    String begin = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    if (end.isEmpty()) {
      throw bad(pattern, "the range has no end value");
    }
    int step = bounds.length == 3 ? number(pattern, bounds[2], "step") : 1;
    if (step <= 0) {
      throw bad(pattern, "the step must be a positive number");
    }
    if (begin.length() == 1 && end.length() == 1 && LETTERS.indexOf(begin) >= 0 && LETTERS.indexOf(end) >= 0) {
      return letters(pattern, LETTERS.indexOf(begin), LETTERS.indexOf(end), step);
    }
    // A begin with leading zeros sets the width of every generated number.
    int width = begin.length() > 1 && begin.charAt(0) == '0' ? begin.length() : 0;
    if (width > 0 && end.length() != width) {
      throw bad(pattern, "begin and end must have the same number of digits when begin has leading zeros");
    }
    int from = number(pattern, begin, "begin");
    int to = number(pattern, end, "end");
    if (from > to) {
      throw bad(pattern, "begin must not be greater than end");
    }
    ImmutableList.Builder<String> items = ImmutableList.builder();
    for (long n = from; n <= to; n += step) {
      items.add(Strings.padStart(Long.toString(n), width, '0'));
    }
    return items.build();
  }

  private static ImmutableList<String> letters(String pattern, int from, int to, int step) {
    if (from > to) {
      throw bad(pattern, "begin must not come after end");
    }
    ImmutableList.Builder<String> items = ImmutableList.builder();
    for (int i = from; i <= to; i += step) {
      items.add(String.valueOf(LETTERS.charAt(i)));
    }
    return items.build();
  }

  private static int number(String pattern, String text, String what) {
    if (!text.matches("[0-9]{1,9}")) {
      throw bad(pattern, "the " + what + " '" + text + "' is not a number (or a single letter for begin and end)");
    }
    return Integer.parseInt(text);
  }

  private static InventorySyntaxException bad(String pattern, String why) {
    return new InventorySyntaxException("bad host range in '" + pattern + "': " + why);
  }
}
