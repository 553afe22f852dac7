package io.reconcile.db;

import io.reconcile.db.engine.Sql;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows that break an invariant: how many, for how many subjects (users, emails, resources), a digest
 * of all of them (to notice that they moved between plan and apply), and the first {@value #SHOWN} as
 * diff lines ({@code - row as is}, {@code + row as wanted}).
 *
 * @param shownRows how many offenders {@code shown} lists
 */
public record Offenders(long count, long subjects, String digest, ImmutableList<String> shown, long shownRows) {
  /** Offenders listed in a diff per query; the digest still covers all of them. */
  public static final int SHOWN = 500;

  public static Offenders none() {
    return new Offenders(0, 0, "", ImmutableList.of(), 0);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * Runs a query returning {@code (subject, old, new)} text columns, one row per offender ({@code old} null
   * for a missing row, {@code new} null for one to remove), and aggregates it in the database: one round
   * trip whatever the number of offenders.
   */
  public static Offenders query(Connection connection, String offendersSql, Object... params) throws SQLException {
    // The digest sums a hash per row: no ordering and no huge string, whatever the number of offenders.
    String row = "subject || chr(31) || coalesce(old, '') || chr(31) || coalesce(new, '')";
    String sql = "WITH o(subject, old, new) AS (" + offendersSql + "),\n"
        + "n AS (SELECT subject, old, new, row_number() OVER (ORDER BY subject, old, new) AS rn FROM o)\n"
        + "SELECT count(*), count(DISTINCT subject),"
        + " count(*) || ':' || coalesce(sum(('x' || substr(md5(" + row + "), 1, 15))::bit(60)::bigint::numeric), 0),"
        + " array_agg(old ORDER BY rn) FILTER (WHERE rn <= " + SHOWN + "),"
        + " array_agg(new ORDER BY rn) FILTER (WHERE rn <= " + SHOWN + ") FROM n";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Sql.bind(statement, params);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long count = rs.getLong(1);
        if (count == 0) {
          return none();
        }
        Object[] olds = (Object[]) rs.getArray(4).getArray();
        Object[] news = (Object[]) rs.getArray(5).getArray();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < olds.length; i++) {
          rows.add(new Row("", (String) olds[i], (String) news[i]));
        }
        return new Offenders(count, rs.getLong(2), rs.getString(3), lines(rows), rows.size());
      }
    }
  }

  /** Offenders found in Java (small sets: services, duplicate groups). */
  public static Offenders of(List<Row> rows) {
    if (rows.isEmpty()) {
      return none();
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::subject).thenComparing(r -> String.valueOf(r.old()))
        .thenComparing(r -> String.valueOf(r.wanted())));
    StringBuilder all = new StringBuilder();
    sorted.forEach(r -> all.append(r.subject()).append('\u001f').append(r.old()).append('\u001f').append(r.wanted()).append('\u001e'));
    List<Row> shown = sorted.subList(0, Math.min(SHOWN, sorted.size()));
    return new Offenders(sorted.size(), sorted.stream().map(Row::subject).distinct().count(),
        Hashing.sha256().hashString(all, StandardCharsets.UTF_8).toString(), lines(shown), shown.size());
  }

  /** The diff of a report: blockers ({@code ! ...}), the offenders shown, and how many are not. */
  public String diff(List<String> blockers) {
    StringBuilder diff = new StringBuilder();
    blockers.forEach(b -> diff.append("! ").append(b).append('\n'));
    shown.forEach(line -> diff.append(line).append('\n'));
    if (count > shownRows) {
      diff.append("# ... and ").append(count - shownRows).append(" more not shown\n");
    }
    return diff.toString();
  }

  /** One offender: the row as it is (null when missing) and as wanted (null when it should go). */
  public record Row(String subject, String old, String wanted) {}

  private static ImmutableList<String> lines(List<Row> rows) {
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    for (Row row : rows) {
      if (row.old() != null) {
        lines.add("- " + row.old());
      }
      if (row.wanted() != null) {
        lines.add("+ " + row.wanted());
      }
    }
    return lines.build();
  }
}
