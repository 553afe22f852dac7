package io.reconcile.fleettests;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every difference between a database's reference tables and its live ones: missing or extra tables
 * and columns, types, nullability, sequences, {@code >= 0} checks, primary keys, unique column sets and
 * foreign keys. Django's and South's own tables (auth_*, django_*, south_migrationhistory) may exist
 * besides the listed ones, as on a real host; a listed one is compared like any other.
 */
final class SchemaComparison {
  private static final Pattern BOOKKEEPING = Pattern.compile("auth_.*|django_.*|south_migrationhistory");

  private SchemaComparison() {}

  static ImmutableList<String> differences(String database, Map<String, TableShape> reference,
      Map<String, TableShape> live) {
    List<String> found = new ArrayList<>();
    reference.forEach((name, expected) -> {
      TableShape actual = live.get(name);
      if (actual == null) {
        if (!expected.optional()) {
          found.add(database + ": table " + name + " is missing");
        }
      } else {
        compare(database + ": " + name, expected, actual, found);
      }
    });
    new TreeSet<>(live.keySet()).stream()
        .filter(name -> !reference.containsKey(name) && !BOOKKEEPING.matcher(name).matches())
        .forEach(name -> found.add(database + ": table " + name + " is not in the reference"));
    return ImmutableList.copyOf(found);
  }

  private static void compare(String where, TableShape expected, TableShape actual, List<String> found) {
    expected.columns().forEach((name, column) -> {
      TableShape.Column live = actual.columns().get(name);
      if (live == null) {
        found.add(where + "." + name + " is missing (" + column.describe() + ")");
        return;
      }
      boolean differs = !column.type().equals(live.type()) || column.nullable() != live.nullable()
          || column.nonNegative() != live.nonNegative()
          || column.serial().map(s -> !s.equals(live.serial().orElse(false))).orElse(false);
      if (differs) {
        found.add(where + "." + name + " is " + live.describe() + ", reference " + column.describe());
      }
    });
    actual.columns().keySet().stream().filter(name -> !expected.columns().containsKey(name))
        .forEach(name -> found.add(where + "." + name + " is not in the reference ("
            + actual.columns().get(name).describe() + ")"));
    if (!expected.primaryKey().equals(actual.primaryKey())) {
      found.add(where + " primary key is " + actual.primaryKey() + ", reference " + expected.primaryKey());
    }
    difference(expected.uniques(), actual.uniques())
        .forEach(u -> found.add(where + " has no unique " + u));
    difference(actual.uniques(), expected.uniques())
        .forEach(u -> found.add(where + " has a unique " + u + " that the reference does not"));
    for (TableShape.ForeignKey fk : expected.foreignKeys()) {
      if (actual.foreignKeys().stream().noneMatch(fk::matches)) {
        found.add(where + " has no foreign key " + fk.describe());
      }
    }
    for (TableShape.ForeignKey fk : actual.foreignKeys()) {
      if (expected.foreignKeys().stream().noneMatch(e -> e.matches(fk))) {
        found.add(where + " has a foreign key " + fk.describe() + " that the reference does not");
      }
    }
  }

  private static <T> List<T> difference(Set<T> a, Set<T> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }
}
