package io.reconcile.resource.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Memory per diff stays bounded: a large file is summarised, not diffed line by line, and no diff text is unbounded. */
class LargeFileDiffTest {
  private static byte[] lines(String prefix, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(prefix).append(i).append(" = ").append("x".repeat(40)).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLargeFileIsSummarisedWithSizesAndDigests() {
    byte[] before = lines("OLD_SETTING_", 5_000); // about 270 KiB
    byte[] after = lines("NEW_SETTING_", 5_000);

    String diff = FileContent.diff("/etc/big.conf", before, after, false);

    assertThat(diff).startsWith("--- /etc/big.conf\n+++ /etc/big.conf\n")
        .contains("too large to diff line by line", "5000 lines", before.length + " bytes", FileContent.sha256(before).substring(0, 12),
            FileContent.sha256(after).substring(0, 12));
    assertThat(diff.length()).isLessThan(1024);
  }

  @Test
  void aSmallFileWithAVeryLongDiffIsCutAtTheBoundWithANote() {
    byte[] before = lines("A_", 1_000);
    byte[] after = lines("B_", 1_000);

    String diff = FileContent.diff("/etc/many.conf", before, after, false);

    assertThat(diff.length()).isLessThanOrEqualTo(FileContent.MAX_DIFF_CHARS + 200);
    assertThat(diff).contains("-A_0 = ", "+B_0 = ").endsWith("(diff cut at " + FileContent.MAX_DIFF_CHARS / 1024 + " KiB)\n");
  }
}
