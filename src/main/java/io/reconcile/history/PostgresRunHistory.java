package io.reconcile.history;

import io.reconcile.report.Mode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The history in a PostgreSQL table {@code reconcile_runs} (created when missing): the columns
 * `reconcile history` lists, and the whole record as JSON. For several operators or machines sharing one
 * history.
 */
public final class PostgresRunHistory implements RunHistory {
  private static final String SCHEMA = """
      CREATE TABLE IF NOT EXISTS reconcile_runs (
        id text PRIMARY KEY,
        started timestamptz NOT NULL,
        finished timestamptz NOT NULL,
        mode text NOT NULL,
        scope text NOT NULL,
        hosts integer NOT NULL,
        changes integer NOT NULL,
        failed integer NOT NULL,
        exit_code integer NOT NULL,
        record json NOT NULL
      );
      CREATE INDEX IF NOT EXISTS reconcile_runs_started ON reconcile_runs (started);
      CREATE INDEX IF NOT EXISTS reconcile_runs_checks ON reconcile_runs (scope, finished) WHERE mode = 'check' AND exit_code IN (0, 2);
      """;

  private final Connection connection;
  private final RunRecordJson json = new RunRecordJson();

  private PostgresRunHistory(Connection connection) {
    this.connection = connection;
  }

  /** Connects and creates the table if it is missing. */
  public static PostgresRunHistory open(String jdbcUrl, Optional<String> user, Optional<String> password) throws SQLException {
    Properties properties = new Properties();
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "reconcile");
    Connection connection = DriverManager.getConnection(jdbcUrl, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute(SCHEMA);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new PostgresRunHistory(connection);
  }

  @Override
  public void record(RunRecord run) {
    RunEntry entry = run.entry();
    String sql = "INSERT INTO reconcile_runs (id, started, finished, mode, scope, hosts, changes, failed, exit_code, record)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, run.id());
      insert.setObject(2, utc(entry.started()));
      insert.setObject(3, utc(run.finished()));
      insert.setString(4, entry.mode().label());
      insert.setString(5, entry.scope());
      insert.setInt(6, entry.hosts());
      insert.setInt(7, entry.changes());
      insert.setInt(8, entry.failed());
      insert.setInt(9, entry.exitCode());
      insert.setString(10, json.write(run));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record run " + run.id(), e);
    }
  }

  @Override
  public List<RunEntry> latest(int count) {
    // The outage is read from the record: tables written before it was recorded need no new column.
    String sql = "SELECT id, started, mode, scope, hosts, changes, failed, exit_code,"
        + " (record #>> '{report,outage,seconds}')::numeric FROM reconcile_runs ORDER BY started DESC, id DESC LIMIT ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, count);
      List<RunEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(new RunEntry(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
              Mode.valueOf(rows.getString(3).toUpperCase(Locale.ROOT)), rows.getString(4), rows.getInt(5), rows.getInt(6),
              rows.getInt(7), rows.getInt(8), Optional.ofNullable(rows.getBigDecimal(9))
              .map(seconds -> Duration.ofMillis(seconds.movePointRight(3).longValue()))));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw failure("list runs", e);
    }
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    try (PreparedStatement select = connection.prepareStatement("SELECT record FROM reconcile_runs WHERE id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(json.read(rows.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read run " + runId, e);
    }
  }

  @Override
  public Optional<Instant> lastSuccessfulCheck(String scopeLabel) {
    String sql = "SELECT max(finished) FROM reconcile_runs WHERE scope = ? AND mode = 'check' AND exit_code IN (0, 2)";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, scopeLabel);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
      }
    } catch (SQLException e) {
      throw failure("find the last successful check", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("run history (PostgreSQL): cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing after the work is done: nothing left to lose.
    }
  }
}
