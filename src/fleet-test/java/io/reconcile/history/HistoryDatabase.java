package io.reconcile.history;

import io.reconcile.fleet.FleetPostgres;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;

/**
 * A real PostgreSQL 15 for history tests: the test fleet's astakos image (built locally by scripts/test,
 * never pulled), whose init starts PostgreSQL with role {@value #USER} (md5 auth from anywhere). Port
 * 5432 is published on 127.0.0.1 only. Each {@link #newDatabase()} is a fresh, empty database.
 */
public final class HistoryDatabase implements AutoCloseable {
  public static final String IMAGE = FleetPostgres.IMAGE;
  public static final String USER = "synnefo";
  public static final String PASSWORD = "example_db_password";
  private static final int PORT = FleetPostgres.PORT;

  private final GenericContainer<?> container;

  private HistoryDatabase(GenericContainer<?> container) {
    this.container = container;
  }

  /** Starts the container; fails under CI, skips elsewhere, when Docker or the image is missing. */
  public static HistoryDatabase start() {
    return new HistoryDatabase(FleetPostgres.start("ops-history-pg"));
  }

  /** A new empty database owned by {@value #USER}; its JDBC URL. */
  public String newDatabase() throws Exception {
    String name = "history_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var result = container.execInContainer("su", "postgres", "-c", "createdb -O " + USER + " " + name);
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("createdb failed: " + result.getStderr());
    }
    return "jdbc:postgresql://127.0.0.1:" + container.getMappedPort(PORT) + "/" + name;
  }

  @Override
  public void close() {
    container.stop();
  }
}
