package io.reconcile.host;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Byte-exact file content helpers: digests, lines for editing and diffs, text detection. */
final class FileContent {
  private FileContent() {}

  static String sha256(byte[] content) {
    return Hashing.sha256().hashBytes(content).toString();
  }

  /** Lines without their terminators; bytes kept exactly (ISO-8859-1 maps each byte to one char). */
  static List<String> lines(byte[] content) {
    if (content.length == 0) {
      return ImmutableList.of();
    }
    String text = new String(content, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    return ImmutableList.copyOf(Arrays.copyOf(lines, count));
  }

  static byte[] join(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Declared (Unicode) text in the byte-per-char form of {@link #lines}. */
  static String asLine(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  static boolean isText(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }

  /** A readable diff of two contents, or why there is none. */
  static String diff(String path, byte[] before, byte[] after, boolean secret) {
    if (secret) {
      return "--- " + path + "\n+++ " + path + "\n(content not shown: file declared secret)\n";
    }
    if (!isText(before) || !isText(after)) {
      return "--- " + path + "\n+++ " + path + "\n(binary content differs)\n";
    }
    String diff = UnifiedDiff.of(path, lines(before), lines(after));
    return new String(diff.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
