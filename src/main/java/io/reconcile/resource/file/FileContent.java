package io.reconcile.resource.file;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Byte-exact file content helpers: digests, lines for editing and diffs, text detection. */
public final class FileContent {
  private FileContent() {}

  public static String sha256(byte[] content) {
    return Hashing.sha256().hashBytes(content).toString();
  }

  /** Lines without their terminators; bytes kept exactly (ISO-8859-1 maps each byte to one char). */
  public static List<String> lines(byte[] content) {
    if (content.length == 0) {
      return ImmutableList.of();
    }
    String text = new String(content, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    return ImmutableList.copyOf(Arrays.copyOf(lines, count));
  }

  public static byte[] join(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Declared (Unicode) text in the byte-per-char form of {@link #lines}. */
  public static String asLine(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  public static boolean isText(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }

  /** Files larger than this (either side) are summarised, not diffed line by line. */
  public static final int MAX_DIFF_BYTES = 128 * 1024;
  /** A diff is cut here: it goes into the report, the history and every output. */
  public static final int MAX_DIFF_CHARS = 64 * 1024;

  /** A readable diff of two contents, or why there is none; in bounded memory and of bounded length. */
  public static String diff(String path, byte[] before, byte[] after, boolean secret) {
    if (secret) {
      return "--- " + path + "\n+++ " + path + "\n(content not shown: file declared secret)\n";
    }
    if (!isText(before) || !isText(after)) {
      return "--- " + path + "\n+++ " + path + "\n(binary content differs)\n";
    }
    if (before.length > MAX_DIFF_BYTES || after.length > MAX_DIFF_BYTES) {
      return "--- " + path + "\n+++ " + path + "\n(too large to diff line by line: " + summary(before) + " -> "
          + summary(after) + ")\n";
    }
    String diff = new String(UnifiedDiff.of(path, lines(before), lines(after)).getBytes(StandardCharsets.ISO_8859_1),
        StandardCharsets.UTF_8);
    if (diff.length() <= MAX_DIFF_CHARS) {
      return diff;
    }
    int cut = diff.lastIndexOf('\n', MAX_DIFF_CHARS);
    return diff.substring(0, cut + 1) + "(diff cut at " + MAX_DIFF_CHARS / 1024 + " KiB)\n";
  }

  private static String summary(byte[] content) {
    return lines(content).size() + " lines, " + content.length + " bytes, sha256:" + sha256(content).substring(0, 12);
  }
}
