package io.reconcile.inventory;

import io.reconcile.input.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lexed lines section by section, as Ansible's INI plugin does: lines before the first
 * header are hosts of {@code ungrouped}; {@code [g]} and {@code [g:children]} declare a group;
 * {@code [g:vars]} alone does not. A group may be named as a child before it is declared, but it
 * must be declared somewhere, else the file is rejected (Ansible: "includes undefined group").
 */
final class SectionParser {
  private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");
  private static final String GROUP_PRIORITY = "ansible_group_priority";

  /** A group named in a children section before its own section appeared. */
  private record ChildReference(String parent, int line) {}

  /** A group used before being declared: as a child (with every parent that named it) or only by a vars section. */
  private record Pending(InventoryLine.Kind kind, int line, List<ChildReference> references) {}

  private final String file;
  private final InventoryDraft draft = new InventoryDraft();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private String group = InventoryDraft.UNGROUPED;
  private InventoryLine.Kind kind = InventoryLine.Kind.HOSTS;

  private SectionParser(String file) {
    this.file = file;
  }

  static InventoryDraft parse(String file, List<InventoryLine> lines) {
    SectionParser parser = new SectionParser(file);
    for (InventoryLine line : lines) {
      try {
        if (line instanceof InventoryLine.Section section) {
          parser.enter(section);
        } else if (line instanceof InventoryLine.Entry entry) {
          parser.read(entry);
        }
      } catch (InventorySyntaxException e) {
        throw new InvalidInputException(file, line.number(), e.getMessage());
      }
    }
    parser.rejectUndeclaredGroups();
    parser.draft.finish();
    return parser.draft;
  }

  private void enter(InventoryLine.Section section) {
    group = section.group();
    kind = section.kind();
    if (!draft.hasGroup(group)) {
      if (kind == InventoryLine.Kind.VARS && !pending.containsKey(group)) {
        pending.put(group, new Pending(InventoryLine.Kind.VARS, section.number(), List.of()));
      }
      draft.addGroup(group);
    }
    Pending declared = pending.get(group);
    if (declared != null && kind != InventoryLine.Kind.VARS) {
      pending.remove(group);
      for (ChildReference reference : declared.references()) {
        addChild(reference.parent(), group, reference.line());
      }
    }
  }

  private void read(InventoryLine.Entry entry) {
    switch (kind) {
      case HOSTS -> draft.addHosts(group, HostLine.parse(entry.text()), entry.number());
      case VARS -> readVariable(entry);
      case CHILDREN -> readChild(entry);
    }
  }

  private void readVariable(InventoryLine.Entry entry) {
    int eq = entry.text().indexOf('=');
    String key = eq < 0 ? "" : entry.text().substring(0, eq).strip();
    if (key.isEmpty()) {
      // Not repeated: the line may be a value that lost its key, such as a password.
      String missing = eq < 0 ? "no '='" : "no key before '='";
      throw new InventorySyntaxException("expected key=value in [" + group + ":vars]: the line has " + missing
          + " (its text is not shown)");
    }
    String value = IniValue.of(entry.text().substring(eq + 1).strip());
    InventoryDraft.Group target = draft.group(group);
    if (key.equals(GROUP_PRIORITY)) {
      // Like Ansible, the priority orders variable merging and is not itself a variable.
      target.priority = priority(value);
    } else {
      target.vars.put(key, new SourcedValue(value, entry.number()));
    }
  }

  private static int priority(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InventorySyntaxException(GROUP_PRIORITY + " must be a whole number, got '" + value + "'");
    }
  }

  private void readChild(InventoryLine.Entry entry) {
    Matcher name = GROUP_NAME.matcher(entry.text());
    if (!name.matches()) {
      throw new InventorySyntaxException("expected one group name per line in [" + group + ":children], got '"
          + entry.text() + "'");
    }
    String child = name.group(1);
    if (draft.hasGroup(child)) {
      addChild(group, child, entry.number());
    } else {
      pending.computeIfAbsent(child, c -> new Pending(InventoryLine.Kind.CHILDREN, entry.number(), new ArrayList<>()))
          .references().add(new ChildReference(group, entry.number()));
    }
  }

  private void addChild(String parent, String child, int line) {
    try {
      draft.addChild(parent, child);
    } catch (InventorySyntaxException e) {
      throw new InvalidInputException(file, line, e.getMessage());
    }
  }

  private void rejectUndeclaredGroups() {
    pending.entrySet().stream().findFirst().ifPresent(first -> {
      String name = first.getKey();
      Pending undeclared = first.getValue();
      String message = undeclared.kind() == InventoryLine.Kind.VARS
          ? "[" + name + ":vars] sets variables of group '" + name + "', which is never declared:"
              + " expected a [" + name + "] or [" + name + ":children] section"
          : "[" + undeclared.references().get(0).parent() + ":children] names group '" + name
              + "', which is never declared: expected a [" + name + "] or [" + name + ":children] section";
      throw new InvalidInputException(file, undeclared.line(), message);
    });
  }
}
