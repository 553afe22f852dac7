package io.reconcile.db.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The undo script of one invariant's apply on one database: an SQL file that, run with psql, puts back
 * every row the apply deleted or rewrote and removes every row it inserted, in one transaction. Rows are
 * kept as JSON ({@code row_to_json}), one per line, and restored with {@code json_populate_recordset}, so
 * every column type round-trips without a column list, and one statement per chunk of rows keeps the
 * order of rows within a table (parents, children) irrelevant. Sections come in reverse order of the
 * changes.
 */
public final class ExportFile {
  /** Rows per statement. */
  static final int CHUNK = 10_000;
  private final List<Section> sections = new ArrayList<>();

  private record Section(String comment, ImmutableList<String> statements) {}

  /** Rows about to be deleted from {@code table} (an SQL-ready name); undo re-inserts them. */
  public void deleted(String table, List<String> jsonRows) {
    add(jsonRows.size() + " rows deleted from " + table + ": insert them again", jsonRows,
        rows -> "INSERT INTO " + table + " SELECT * FROM json_populate_recordset(NULL::" + table + ", " + rows + ");");
  }

  /** Rows about to be rewritten in place; undo sets {@code columns} back, matching rows on {@code key}. */
  public void rewritten(String table, List<String> key, List<String> columns, List<String> jsonRows) {
    String set = columns.stream().filter(c -> !key.contains(c)).map(c -> Sql.quote(c) + " = r." + Sql.quote(c))
        .collect(Collectors.joining(", "));
    add(jsonRows.size() + " rows of " + table + " rewritten: set them back", jsonRows,
        rows -> "UPDATE " + table + " AS t SET " + set + " FROM json_populate_recordset(NULL::" + table + ", " + rows
            + ") AS r WHERE " + match(key) + ";");
  }

  /** Rows just inserted; undo deletes them, matching on {@code key}. */
  public void inserted(String table, List<String> key, List<String> jsonRows) {
    add(jsonRows.size() + " rows inserted into " + table + ": remove them", jsonRows,
        rows -> "DELETE FROM " + table + " AS t USING json_populate_recordset(NULL::" + table + ", " + rows
            + ") AS r WHERE " + match(key) + ";");
  }

  private static String match(List<String> key) {
    return key.stream().map(c -> "t." + Sql.quote(c) + " = r." + Sql.quote(c)).collect(Collectors.joining(" AND "));
  }

  /** One statement per chunk; {@code statement} gets the chunk as a JSON array literal, one row per line. */
  private void add(String comment, List<String> rows, Function<String, String> statement) {
    if (rows.isEmpty()) {
      return;
    }
    ImmutableList.Builder<String> statements = ImmutableList.builder();
    for (List<String> chunk : Lists.partition(rows, CHUNK)) {
      statements.add(statement.apply(Sql.literal("[\n" + String.join(",\n", chunk) + "\n]")));
    }
    sections.add(new Section(comment, statements.build()));
  }

  public boolean isEmpty() {
    return sections.isEmpty();
  }

  /** What the file's header says: which run, invariant, host and database it undoes. */
  public record Header(String runId, String invariant, String host, DatabaseEndpoint database) {}

  /** The whole script. */
  public String render(Header header) {
    StringBuilder out = new StringBuilder();
    writeTo(out, header);
    return out.toString();
  }

  /** Writes the script to {@code file} (owner-only, synced to disk, replaced atomically). */
  public Path write(Path file, Header header) throws IOException {
    Files.createDirectories(file.getParent());
    ownerOnly(file.getParent(), "rwx------");
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      writeTo(writer, header);
    }
    ownerOnly(partial, "rw-------");
    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Exports hold user data (emails, password hashes): only their owner may read them. */
  private static void ownerOnly(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
  }

  private void writeTo(Appendable out, Header header) {
    try {
      DatabaseEndpoint db = header.database();
      out.append("-- reconcile: undo of ").append(header.invariant()).append(" on host ").append(header.host())
          .append(", run ").append(header.runId()).append('\n')
          .append("-- database: ").append(db.describe()).append(" (as seen from ").append(header.host()).append(")\n")
          .append("-- Restores every row this apply deleted or rewrote and removes the rows it inserted, in one\n")
          .append("-- transaction (statements in reverse order of the changes). To restore, on ").append(header.host()).append(":\n")
          .append("--   psql -h ").append(db.host()).append(" -p ").append(String.valueOf(db.port())).append(" -U ")
          .append(db.user()).append(" -d ").append(db.database()).append(" -v ON_ERROR_STOP=1 -f FILE\n")
          .append("-- Rows are JSON (row_to_json), one per line; to restore some rows only, keep just their lines.\n")
          .append("SET standard_conforming_strings = on;\n")
          .append("BEGIN;\n")
          .append("SET CONSTRAINTS ALL DEFERRED;\n");
      for (Section section : Lists.reverse(sections)) {
        out.append("-- ").append(section.comment()).append('\n');
        for (String statement : section.statements()) {
          out.append(statement).append('\n');
        }
      }
      out.append("COMMIT;\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
