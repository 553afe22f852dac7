package io.reconcile.resource.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void aChangedLineShowsRemovalThenAdditionWithThreeLinesOfContext() {
    List<String> before = List.of("a", "b", "c", "d", "OLD", "e", "f", "g", "h");
    List<String> after = List.of("a", "b", "c", "d", "NEW", "e", "f", "g", "h");
    assertThat(UnifiedDiff.of("x.conf", before, after)).isEqualTo("""
        --- x.conf (before)
        +++ x.conf (after)
        @@ -2,7 +2,7 @@
         b
         c
         d
        -OLD
        +NEW
         e
         f
         g
        """);
  }

  @Test
  void distantChangesMakeSeparateHunksAndAppendsCountFromTheEnd() {
    List<String> before = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      before.add("line" + i);
    }
    List<String> after = new ArrayList<>(before);
    after.remove(1);
    after.add("appended");
    String diff = UnifiedDiff.of("f", before, after);
    assertThat(diff).contains("@@ -1,5 +1,4 @@\n line1\n-line2\n line3\n", "@@ -18,3 +17,4 @@\n line18\n line19\n line20\n+appended\n");
  }

  @Test
  void identicalInputsHaveNoHunks() {
    assertThat(UnifiedDiff.of("f", List.of("a"), List.of("a"))).isEqualTo("--- f (before)\n+++ f (after)\n");
  }
}
