package io.reconcile.fleettests;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A live database's schema read from its catalog: information_schema for columns (type, length,
 * precision, nullability, sequence default) and for primary key, unique and foreign key constraints;
 * pg_catalog for what information_schema does not show (unique indexes that are no constraint, the
 * {@code >= 0} checks). One round trip; {@code psql} runs SQL and returns unaligned, tuples-only rows.
 */
final class LiveSchema {
  private static final String CATALOG = """
      SELECT 'C', c.table_name, c.column_name,
             CASE c.data_type
               WHEN 'character varying' THEN 'varchar(' || c.character_maximum_length || ')'
               WHEN 'numeric' THEN 'numeric(' || c.numeric_precision || ',' || c.numeric_scale || ')'
               ELSE c.data_type END,
             c.is_nullable, coalesce(c.column_default LIKE 'nextval(%', false)::text,
             EXISTS (SELECT 1 FROM pg_constraint k
                      WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
                        AND k.conkey = ARRAY[c.ordinal_position::smallint]
                        AND pg_get_constraintdef(k.oid) LIKE '%>= 0%')::text
        FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      UNION ALL
      SELECT CASE tc.constraint_type WHEN 'PRIMARY KEY' THEN 'P' ELSE 'U' END, tc.table_name,
             string_agg(k.column_name, ',' ORDER BY k.column_name), NULL, NULL, NULL, NULL
        FROM information_schema.table_constraints tc
        JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name, table_name)
       WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
       GROUP BY tc.constraint_type, tc.table_name, tc.constraint_name
      UNION ALL
      SELECT 'U', i.indrelid::regclass::text,
             (SELECT string_agg(a.attname, ',' ORDER BY a.attname) FROM pg_attribute a
               WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)), NULL, NULL, NULL, NULL
        FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
       WHERE n.nspname = 'public' AND i.indisunique AND NOT i.indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('u', 'p'))
      UNION ALL
      SELECT 'F', k.table_name, k.column_name, r.table_name, r.column_name, (rc.delete_rule = 'CASCADE')::text, NULL
        FROM information_schema.referential_constraints rc
        JOIN information_schema.key_column_usage k
          ON k.constraint_schema = rc.constraint_schema AND k.constraint_name = rc.constraint_name
        JOIN information_schema.key_column_usage r
          ON r.constraint_schema = rc.unique_constraint_schema AND r.constraint_name = rc.unique_constraint_name
         AND r.ordinal_position = k.position_in_unique_constraint
       WHERE rc.constraint_schema = 'public'
      """;

  private LiveSchema() {}

  private static final class Builder {
    final Map<String, TableShape.Column> columns = new LinkedHashMap<>();
    ImmutableSet<String> primaryKey = ImmutableSet.of();
    final Set<ImmutableSet<String>> uniques = new LinkedHashSet<>();
    final Set<TableShape.ForeignKey> foreignKeys = new LinkedHashSet<>();
  }

  /** The tables of the database {@code psql} talks to. */
  static Map<String, TableShape> read(UnaryOperator<String> psql) {
    Map<String, Builder> tables = new LinkedHashMap<>();
    for (String row : psql.apply(CATALOG).split("\n")) {
      if (row.isBlank()) {
        continue;
      }
      String[] f = row.split("\\|", -1);
      Builder table = tables.computeIfAbsent(f[1].replace("\"", ""), t -> new Builder());
      switch (f[0]) {
        case "C" -> table.columns.put(f[2], new TableShape.Column(f[3], f[4].equals("YES"),
            Optional.of(f[5].equals("true")), f[6].equals("true")));
        case "P" -> table.primaryKey = names(f[2]);
        case "U" -> table.uniques.add(names(f[2]));
        case "F" -> table.foreignKeys.add(
            new TableShape.ForeignKey(f[2], f[3], f[4], Optional.of(f[5].equals("true"))));
        default -> throw new IllegalStateException("unexpected catalog row " + row);
      }
    }
    Map<String, TableShape> shapes = new LinkedHashMap<>();
    tables.forEach((name, b) -> shapes.put(name, new TableShape(name, ImmutableMap.copyOf(b.columns), b.primaryKey,
        b.uniques.stream().filter(u -> !u.equals(b.primaryKey)).collect(ImmutableSet.toImmutableSet()),
        ImmutableSet.copyOf(b.foreignKeys), false)));
    return shapes;
  }

  private static ImmutableSet<String> names(String list) {
    return ImmutableSet.copyOf(Arrays.asList(list.split(",")));
  }
}
