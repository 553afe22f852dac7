package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import io.reconcile.input.InvalidInputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an INI inventory into section headers and entries, dropping blank lines and lines that
 * start with {@code #} or {@code ;} (Ansible's comment markers; they count only at line start).
 */
final class InventoryLexer {
  // Ansible's section syntax: a group name without ':', ']' or blanks, an optional :tag, and an
  // optional trailing # comment.
  private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");

  private InventoryLexer() {}

  static ImmutableList<InventoryLine> lex(String file, String text) {
    ImmutableList.Builder<InventoryLine> lines = ImmutableList.builder();
    String[] raw = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < raw.length; i++) {
      int number = i + 1;
      String line = raw[i].strip();
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        lines.add(new InventoryLine.Section(number, section.group(1), kind(file, number, section)));
      } else if (line.startsWith("[") && line.endsWith("]")) {
        throw new InvalidInputException(file, number, "invalid section header '" + line
            + "': expected [group], [group:children] or [group:vars] with no spaces in the name");
      } else {
        lines.add(new InventoryLine.Entry(number, line));
      }
    }
    return lines.build();
  }

  private static InventoryLine.Kind kind(String file, int number, Matcher section) {
    String tag = section.group(2);
    if (tag == null) {
      return InventoryLine.Kind.HOSTS;
    }
    return switch (tag) {
      case "hosts", "children", "vars" -> InventoryLine.Kind.valueOf(tag.toUpperCase(Locale.ROOT));
      default -> throw new InvalidInputException(file, number, "section [" + section.group(1) + ":" + tag
          + "] has unknown type '" + tag + "': expected :children, :vars or none");
    };
  }
}
