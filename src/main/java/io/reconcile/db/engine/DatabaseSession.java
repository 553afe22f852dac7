package io.reconcile.db.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A host's access to databases for one run: tunnels through its SSH session, where exports go, the run
 * they belong to, and how long it waits on a database ({@link DatabaseTimeouts}: every connection has
 * them, so no check or apply waits forever behind another session's lock). Keeps one tunnel per
 * database address and one JDBC connection per database and role, closed with the session.
 */
public final class DatabaseSession implements AutoCloseable {
  private final DatabaseTunnels tunnels;
  private final Path exportDir;
  private final String runId;
  private final DatabaseTimeouts timeouts;
  private final Map<String, Integer> localPorts = new LinkedHashMap<>();
  private final Map<String, Connection> connections = new LinkedHashMap<>();

  public DatabaseSession(DatabaseTunnels tunnels, Path exportDir, String runId) {
    this(tunnels, exportDir, runId, DatabaseTimeouts.DEFAULTS);
  }

  public DatabaseSession(DatabaseTunnels tunnels, Path exportDir, String runId, DatabaseTimeouts timeouts) {
    this.tunnels = tunnels;
    this.exportDir = exportDir;
    this.runId = runId;
    this.timeouts = timeouts;
  }

  public DatabaseTimeouts timeouts() {
    return timeouts;
  }

  public DatabaseTunnels tunnels() {
    return tunnels;
  }

  public Path exportDir() {
    return exportDir;
  }

  public String runId() {
    return runId;
  }

  /**
   * The session's connection to a database (opened through a tunnel on first use), in auto-commit mode
   * between uses: callers open and end their own transactions.
   */
  public synchronized Connection connection(DatabaseEndpoint endpoint) {
    String key = endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database() + "?" + endpoint.params();
    Connection open = connections.get(key);
    try {
      if (open != null && !open.isClosed()) {
        return open;
      }
    } catch (SQLException e) {
      // a broken connection is replaced below
    }
    int port = localPorts.computeIfAbsent(endpoint.host() + ":" + endpoint.port(),
        hostPort -> tunnels.localPortFor(endpoint.host(), endpoint.port()));
    Properties properties = new Properties();
    properties.setProperty("user", endpoint.user());
    properties.setProperty("password", endpoint.password());
    properties.setProperty("ApplicationName", "reconcile " + runId);
    properties.setProperty("connectTimeout", Long.toString(seconds(timeouts.connect())));
    properties.setProperty("loginTimeout", Long.toString(seconds(timeouts.connect())));
    properties.setProperty("socketTimeout", Long.toString(seconds(timeouts.socket())));
    properties.setProperty("options", "-c lock_timeout=" + timeouts.lock().toMillis() + " -c statement_timeout="
        + timeouts.statement().toMillis());
    properties.setProperty("tcpKeepAlive", "true");
    try {
      Connection connection = DriverManager.getConnection(endpoint.tunnelledUrl(port), properties);
      // Checks are a few large set-based queries: hash them in memory rather than sorting on disk, and
      // skip JIT compilation, which costs more than it saves on queries of a second or two.
      try (java.sql.Statement settings = connection.createStatement()) {
        settings.execute("SET work_mem = '64MB'");
        settings.execute("SET jit = off");
      }
      connections.put(key, connection);
      return connection;
    } catch (SQLException e) {
      throw new DatabaseException("cannot connect to the " + endpoint.prefix() + " database " + endpoint.describe()
          + " as " + endpoint.user() + ": " + e.getMessage(), e);
    }
  }

  private static long seconds(java.time.Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  @Override
  public synchronized void close() {
    for (Connection connection : connections.values()) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing at the end of a run: nothing left to protect
      }
    }
    connections.clear();
  }
}
