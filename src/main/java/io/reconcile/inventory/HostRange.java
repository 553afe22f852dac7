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
  /** A line expands to at most this many hosts: far more than any fleet, far fewer than fill the memory. */
  static final long MAX_HOSTS = 10_000;
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private HostRange() {}

  /** One {@code [begin:end:step]}: numbers (with the width of a zero-padded begin) or letters. */
  private record Range(boolean letters, int from, int to, int step, int width) {
    long size() {
      return (to - from) / step + 1L;
    }

    String item(long index) {
      long n = from + index * step;
      return letters ? String.valueOf(LETTERS.charAt((int) n)) : Strings.padStart(Long.toString(n), width, '0');
    }
  }

  static ImmutableList<String> expand(String pattern) {
    long count = 1;
    for (int open = pattern.indexOf('['); open >= 0; open = pattern.indexOf('[', open + 1)) {
      int close = pattern.indexOf(']', open);
      if (close < 0) {
        throw new InventorySyntaxException("host range in '" + pattern + "' has no closing ']'");
      }
      count *= range(pattern, pattern.substring(open + 1, close)).size(); // at most 10^4 * 10^9: no overflow
      if (count > MAX_HOSTS) {
        throw bad(pattern, "it makes more than " + MAX_HOSTS
            + " hosts; split the fleet into lines of at most that many");
      }
    }
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
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    Range range = range(pattern, pattern.substring(open + 1, close));
    for (long i = 0; i < range.size(); i++) {
      expandInto(head + range.item(i) + tail, names);
    }
  }

  private static Range range(String pattern, String range) {
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
      if (LETTERS.indexOf(begin) > LETTERS.indexOf(end)) {
        throw bad(pattern, "begin must not come after end");
      }
      return new Range(true, LETTERS.indexOf(begin), LETTERS.indexOf(end), step, 0);
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
    return new Range(false, from, to, step, width);
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
