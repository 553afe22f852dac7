package io.reconcile.resource.file;

import java.util.ArrayList;
import java.util.List;

/** `diff -u` style text of two line lists (3 lines of context), by longest common subsequence. */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /**
   * Above this many cells the LCS table is too large to be worth it; say so instead. Below it the shorter
   * side has at most 1414 lines, so a cell fits a char: the table takes at most 4 MB per diff.
   */
  private static final long MAX_CELLS = 2_000_000;

  private UnifiedDiff() {}

  public static String of(String label, List<String> before, List<String> after) {
    if ((long) before.size() * after.size() > MAX_CELLS) {
      return "--- " + label + " (before)\n+++ " + label + " (after)\n@@ files too large to diff: "
          + before.size() + " -> " + after.size() + " lines @@\n";
    }
    List<Edit> edits = edits(before, after);
    StringBuilder out = new StringBuilder("--- ").append(label).append(" (before)\n+++ ").append(label).append(" (after)\n");
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within 2*CONTEXT lines of each other
      int lastChange = i;
      while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
        if (edits.get(end).kind != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      appendHunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Edit> hunk) {
    Edit first = hunk.get(0);
    int oldCount = (int) hunk.stream().filter(e -> e.kind != '+').count();
    int newCount = (int) hunk.stream().filter(e -> e.kind != '-').count();
    out.append("@@ -").append(oldCount == 0 ? first.oldLine - 1 : first.oldLine).append(',').append(oldCount)
        .append(" +").append(newCount == 0 ? first.newLine - 1 : first.newLine).append(',').append(newCount).append(" @@\n");
    for (Edit e : hunk) {
      out.append(e.kind).append(e.text).append('\n');
    }
  }

  private record Edit(char kind, String text, int oldLine, int newLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    char[][] lcs = new char[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? (char) (lcs[i + 1][j + 1] + 1) : (char) Math.max(lcs[i + 1][j],
            lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i + 1, j + 1)); // removals before additions, as diff -u prints them
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return edits;
  }
}
