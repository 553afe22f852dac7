package io.reconcile.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.history.HistoryDatabase;
import io.reconcile.host.LocalShell;
import io.reconcile.testing.RequiresDocker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump script against a real PostgreSQL 15, with this machine's pg_dump and /bin/sh. */
@RequiresDocker
class DatabaseDumpsTest {
  private static HistoryDatabase postgres;
  @TempDir Path root;

  @BeforeAll
  static void start() {
    postgres = HistoryDatabase.start();
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static DatabaseEndpoint endpoint(String url, String password) {
    String[] parts = url.replace("jdbc:postgresql://", "").split("[:/]");
    return new DatabaseEndpoint("astakos", parts[0], Integer.parseInt(parts[1]), parts[2], "", HistoryDatabase.USER, password);
  }

  private static void sql(String url, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(url, HistoryDatabase.USER, HistoryDatabase.PASSWORD);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Test
  void aDatabaseIsDumpedOnceUntilItChangesAndTheDumpRestores() throws Exception {
    String url = postgres.newDatabase();
    sql(url, "CREATE TABLE auth_user (id serial PRIMARY KEY, email varchar(75) NOT NULL)",
        "INSERT INTO auth_user (email) SELECT 'user' || i || '@example.org' FROM generate_series(1, 500) i");
    DatabaseDumps dumps = new DatabaseDumps(new LocalShell(), root.toString(), Duration.ofMinutes(1));
    DatabaseEndpoint db = endpoint(url, HistoryDatabase.PASSWORD);

    DatabaseDumps.Dump first = dumps.dump(List.of(db), "run1-before-unique-users").get(0);
    assertThat(first.taken()).isTrue();
    Path file = Path.of(first.path());
    assertThat(file.getFileName().toString()).isEqualTo("run1-before-unique-users.sql.gz");
    assertThat(Files.readString(Path.of(first.path() + ".sha256"), StandardCharsets.UTF_8))
        .startsWith(first.sha256().orElseThrow() + "  ");
    assertThat(Files.size(file)).isEqualTo(first.bytes().orElseThrow());

    DatabaseDumps.Dump again = dumps.dump(List.of(db), "run2-before-unique-users").get(0);
    assertThat(again.taken()).as("nothing changed: no second dump").isFalse();
    assertThat(again.path()).isEqualTo(first.path());

    sql(url, "DELETE FROM auth_user WHERE id > 490");
    DatabaseDumps.Dump changed = dumps.dump(List.of(db), "run2-after-unique-users").get(0);
    assertThat(changed.taken()).as(changed.toString()).isTrue();
    assertThat(changed.sha256()).isNotEqualTo(first.sha256());

    // The first dump restores into an empty database with every row it had.
    String empty = postgres.newDatabase();
    String[] target = empty.replace("jdbc:postgresql://", "").split("[:/]");
    ProcessBuilder restore = new ProcessBuilder("sh", "-c", "gunzip -c \"$1\" | psql -X -q -v ON_ERROR_STOP=1 -h \"$2\" -p \"$3\" -U synnefo -d \"$4\"",
        "restore", first.path(), target[0], target[1], target[2]).redirectErrorStream(true);
    restore.environment().put("PGPASSWORD", HistoryDatabase.PASSWORD);
    Process running = restore.start();
    String out = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(running.waitFor()).as(out).isZero();
    try (Connection c = DriverManager.getConnection(empty, HistoryDatabase.USER, HistoryDatabase.PASSWORD);
        ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM auth_user")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(500);
    }
  }

  @Test
  void aFailedDumpNamesTheDatabaseAndKeepsNoPartialFileAndNoPassword() throws Exception {
    String url = postgres.newDatabase();
    DatabaseDumps dumps = new DatabaseDumps(new LocalShell(), root.toString(), Duration.ofMinutes(1));
    DatabaseEndpoint wrong = endpoint(url, "not-the-password-7f3");
    assertThatThrownBy(() -> dumps.dump(List.of(wrong), "run1-before-x"))
        .isInstanceOf(DatabaseDumps.DumpFailedException.class)
        .hasMessageStartingWith("astakos: pg_dump of " + wrong.database())
        .hasMessageNotContaining("not-the-password-7f3");
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }
}
