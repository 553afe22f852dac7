package io.reconcile.fleettests;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.fleet.FleetDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference schema file of src/fleet/db/reference (schema-0.12.5.txt, schema-0.13.txt): one line per
 * column, {@code <table> <column> <type> <null|not null> [; notes]}, or {@code <table> -- unique_together
 * (a, b)}; notes name the primary key ({@code PK}, {@code PK(a,b)}), foreign keys ({@code FK->t.c}, maybe
 * with {@code ON DELETE CASCADE}), uniqueness ({@code unique}, {@code unique index ...}, {@code unique
 * constraint ...}) and {@code OPTIONAL} tables; {@code ## <name> DB} headings say which database follows.
 */
final class ReferenceSchema {
  static final Path DIR = Path.of("src/fleet/db/reference");
  private static final Pattern COMPOSITE_PK = Pattern.compile("\\bPK\\(([^)]*)\\)");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
  private static final Pattern FK = Pattern.compile("FK->([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)(.*)");
  private static final Pattern UNIQUE_TOGETHER = Pattern.compile("unique_together \\(([^)]*)\\)");

  private ReferenceSchema() {}

  /** Tables by database, in file order. */
  static Map<FleetDatabase, Map<String, TableShape>> read(String file) {
    try {
      return parse(Files.readAllLines(DIR.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Builder {
    final Map<String, TableShape.Column> columns = new LinkedHashMap<>();
    final Set<String> primaryKey = new LinkedHashSet<>();
    final Set<ImmutableSet<String>> uniques = new LinkedHashSet<>();
    final Set<TableShape.ForeignKey> foreignKeys = new LinkedHashSet<>();
    boolean optional;

    TableShape build(String name) {
      ImmutableSet<String> pk = ImmutableSet.copyOf(primaryKey);
      // "PK, unique": the primary key is what makes it unique
      ImmutableSet<ImmutableSet<String>> unique =
          uniques.stream().filter(u -> !u.equals(pk)).collect(ImmutableSet.toImmutableSet());
      return new TableShape(name, ImmutableMap.copyOf(columns), pk, unique, ImmutableSet.copyOf(foreignKeys), optional);
    }
  }

  static Map<FleetDatabase, Map<String, TableShape>> parse(List<String> lines) {
    Map<FleetDatabase, Map<String, Builder>> builders = new LinkedHashMap<>();
    FleetDatabase database = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.startsWith("## ")) {
        database = database(line, number);
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (database == null) {
        throw new IllegalArgumentException("line " + number + ": a column before any '## ... DB' heading");
      }
      String[] words = line.split("\\s+", 3);
      if (words.length < 3) {
        throw new IllegalArgumentException("line " + number
            + ": expected '<table> <column> <type> <null|not null>', got '" + line + "'");
      }
      Builder table = builders.computeIfAbsent(database, d -> new LinkedHashMap<>())
          .computeIfAbsent(words[0], t -> new Builder());
      if (words[1].equals("--")) {
        Matcher together = UNIQUE_TOGETHER.matcher(words[2]);
        if (!together.find()) {
          throw new IllegalArgumentException("line " + number + ": expected '-- unique_together (a, b)'");
        }
        table.uniques.add(columns(together.group(1)));
        continue;
      }
      column(table, words[1], words[2], number);
    }
    Map<FleetDatabase, Map<String, TableShape>> schema = new LinkedHashMap<>();
    builders.forEach((db, tables) -> {
      Map<String, TableShape> built = new LinkedHashMap<>();
      tables.forEach((name, b) -> built.put(name, b.build(name)));
      schema.put(db, built);
    });
    return schema;
  }

  private static FleetDatabase database(String heading, int number) {
    String name = heading.substring(3).strip();
    if (name.startsWith("Astakos") || name.startsWith("Quotaholder")) {
      return FleetDatabase.ASTAKOS;
    }
    if (name.startsWith("Cyclades")) {
      return FleetDatabase.CYCLADES;
    }
    if (name.startsWith("Pithos")) {
      return FleetDatabase.PITHOS;
    }
    throw new IllegalArgumentException("line " + number + ": unknown database heading '" + heading + "'");
  }

  private static void column(Builder table, String column, String rest, int number) {
    int semicolon = rest.indexOf(';');
    String definition = (semicolon < 0 ? rest : rest.substring(0, semicolon)).strip();
    String notes = semicolon < 0 ? "" : rest.substring(semicolon + 1);
    int comment = notes.indexOf(" -- ");
    notes = comment < 0 ? notes : notes.substring(0, comment);
    boolean nullable;
    String type;
    if (definition.endsWith(" not null")) {
      nullable = false;
      type = definition.substring(0, definition.length() - " not null".length()).strip();
    } else if (definition.endsWith(" null")) {
      nullable = true;
      type = definition.substring(0, definition.length() - " null".length()).strip();
    } else {
      throw new IllegalArgumentException("line " + number + ": '" + definition
          + "' does not end in 'null' or 'not null'");
    }
    Optional<Boolean> serial = Optional.empty();
    boolean nonNegative = false;
    if (type.equals("serial(integer)")) {
      type = "integer";
      serial = Optional.of(true);
    } else if (type.equals("integer(check>=0)")) {
      type = "integer";
      nonNegative = true;
    }
    table.columns.put(column, new TableShape.Column(type.replace(", ", ","), nullable, serial, nonNegative));

    Matcher composite = COMPOSITE_PK.matcher(notes);
    while (composite.find()) {
      table.primaryKey.addAll(columns(composite.group(1)));
    }
    String plain = PARENTHESES.matcher(COMPOSITE_PK.matcher(notes).replaceAll("PK")).replaceAll("");
    for (String note : plain.split(",")) {
      String item = note.strip();
      Matcher fk = FK.matcher(item);
      if (item.equals("PK")) {
        table.primaryKey.add(column);
      } else if (fk.matches()) {
        String rule = fk.group(3);
        Optional<Boolean> cascade = rule.contains("ON DELETE CASCADE") || rule.contains("ON DELETE/UPDATE CASCADE")
            ? Optional.of(true) : Optional.empty();
        table.foreignKeys.add(new TableShape.ForeignKey(column, fk.group(1), fk.group(2), cascade));
      } else if (item.equals("unique") || item.startsWith("unique index") || item.startsWith("unique constraint")) {
        table.uniques.add(ImmutableSet.of(column));
      } else if (item.startsWith("OPTIONAL")) {
        table.optional = true;
      }
    }
  }

  private static ImmutableSet<String> columns(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(name.strip());
    }
    return ImmutableSet.copyOf(names);
  }
}
