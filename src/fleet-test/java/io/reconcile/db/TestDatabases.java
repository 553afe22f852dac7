package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.engine.DatabaseRole;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.types.InvariantDeclarations;
import io.reconcile.fleet.FleetPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Real PostgreSQL 15 (the fleet's astakos image, whose cluster has the synnefo role and the three
 * Synnefo databases) with the fleet's 0.12.5 or 0.13 schema (src/fleet/db, the files the fleet's
 * packages ship), reset to empty databases per test.
 * One container per test JVM. Tests reach it as the reconciler does, through a {@link DatabaseSession},
 * with the "tunnel" being Docker's published port.
 */
public final class TestDatabases {
  public static final String USER = InvariantDeclarations.USER;
  public static final String PASSWORD = InvariantDeclarations.PASSWORD;
  public static final Map<DatabaseRole, String> NAMES = InvariantDeclarations.NAMES;
  /** One database holding all three schemas, as a small installation may have it. */
  public static final String SHARED = "snf_all";
  private static final Path SCHEMA = Path.of("src/fleet/db");
  private static TestDatabases instance;

  private final GenericContainer<?> container;

  private TestDatabases(GenericContainer<?> container) {
    this.container = container;
  }

  /** The shared instance (started on first use; skipped or failed like other Docker tests when Docker is missing). */
  public static synchronized TestDatabases get() {
    if (instance == null) {
      GenericContainer<?> container = FleetPostgres.start("reconcile-test-databases");
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      instance = new TestDatabases(container);
      instance.createTemplates();
    }
    return instance;
  }

  /** Empties the three databases: fresh copies of the 0.13 schema, as the Astakos, Cyclades and Pithos migrations leave it. */
  public void reset() {
    reset("0.13");
  }

  /** Empties the three databases: fresh copies of the 0.12.5 schema (before any 0.13 migration). */
  public void reset012() {
    reset("0.12");
  }

  private void reset(String release) {
    List<String> sql = new ArrayList<>();
    ImmutableList.<String>builder().addAll(NAMES.values()).add(SHARED).build().forEach(name -> {
      sql.add("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.add("CREATE DATABASE " + name + " TEMPLATE " + template(release, name) + " OWNER synnefo");
    });
    admin(sql.toArray(String[]::new));
  }

  private static String template(String release, String name) {
    return "tpl" + release.replace(".", "") + "_" + name;
  }

  /**
   * The schema files of each database, in the order the fleet's commands run them: syncdb, South
   * migrations, the Pithos backend's tables, and (0.13) the Pithos alembic revisions after the 0.12.5
   * head 3dd56e750a3 (upgrade head on a stamped database).
   */
  private static final Map<DatabaseRole, List<String>> FILES = Map.of(
      DatabaseRole.ASTAKOS, List.of("syncdb/django", "syncdb/quotaholder_app", "south/im"),
      DatabaseRole.CYCLADES, List.of("syncdb/django", "south/db", "south/userdata"),
      DatabaseRole.PITHOS, List.of("backend/pithos", "alembic"));

  private void createTemplates() {
    for (String release : List.of("0.12", "0.13")) {
      Map<String, List<String>> templates = new java.util.LinkedHashMap<>();
      NAMES.forEach((db, name) -> templates.put(name, FILES.get(db)));
      List<String> all = new ArrayList<>();
      List.of(DatabaseRole.ASTAKOS, DatabaseRole.CYCLADES, DatabaseRole.PITHOS).forEach(db -> FILES.get(db).stream().filter(d -> !all.contains(d)).forEach(all::add));
      templates.put(SHARED, all);
      for (Map.Entry<String, List<String>> entry : templates.entrySet()) {
        String template = template(release, entry.getKey());
        admin("DROP DATABASE IF EXISTS " + template, "CREATE DATABASE " + template + " OWNER synnefo");
        try (Connection c = connect(template); Statement s = c.createStatement()) {
          s.execute("CREATE TEMPORARY TABLE user_catalog (displayname text PRIMARY KEY, uuid text NOT NULL)");
          for (String dir : entry.getValue()) {
            for (Path file : inRelease(SCHEMA.resolve(dir), release)) {
              s.execute(Files.readString(file));
            }
          }
        } catch (SQLException | IOException e) {
          throw new IllegalStateException("loading the " + release + " schema into " + template + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** The SQL files of a directory up to a release (first line "-- release: X"), in name order; alembic: after 3dd56e750a3 only. */
  private static List<Path> inRelease(Path dir, String release) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sql = new ArrayList<>(files.filter(f -> f.toString().endsWith(".sql")).sorted().toList());
      sql.removeIf(f -> {
        try {
          String text = Files.readString(f);
          boolean later = text.startsWith("-- release: 0.13") && release.equals("0.12");
          boolean stamped = dir.endsWith("alembic") && text.startsWith("-- release: 0.12");
          return later || stamped;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return dir.endsWith("alembic") ? chain(sql) : sql;
    }
  }

  /** Alembic revisions in upgrade order, from the one whose down_revision is the 0.12.5 head 3dd56e750a3. */
  private static List<Path> chain(List<Path> revisions) throws IOException {
    Map<String, Path> byDown = new HashMap<>();
    for (Path revision : revisions) {
      String down = Files.readAllLines(revision).stream().filter(l -> l.startsWith("-- down_revision: ")).findFirst().orElseThrow()
          .substring("-- down_revision: ".length()).strip();
      byDown.put(down, revision);
    }
    List<Path> ordered = new ArrayList<>();
    String head = "3dd56e750a3";
    while (byDown.containsKey(head)) {
      Path next = byDown.get(head);
      ordered.add(next);
      head = next.getFileName().toString().split("_")[0];
    }
    return ordered;
  }

  /** psql as the postgres superuser inside the container, one transaction per statement. */
  private void admin(String... statements) {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
    for (String statement : statements) {
      command.add("-c");
      command.add(statement);
    }
    ExecResult result = exec(command.toArray(String[]::new));
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("psql failed: " + result.getStderr());
    }
  }

  private ExecResult exec(String... command) {
    try {
      return container.execInContainer(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs an SQL file with psql as an operator would (e.g. an export), returning psql's exit code and output. */
  public ExecResult psqlFile(DatabaseRole db, Path file) {
    container.copyFileToContainer(MountableFile.forHostPath(file), "/tmp/restore.sql");
    return exec("env", "PGPASSWORD=" + PASSWORD, "psql", "-X", "-h", "127.0.0.1", "-U", USER, "-d", NAMES.get(db),
        "-v", "ON_ERROR_STOP=1", "-f", "/tmp/restore.sql");
  }

  public Connection connect(DatabaseRole db) {
    return connect(NAMES.get(db));
  }

  public Connection connect(String database) {
    try {
      return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + container.getMappedPort(FleetPostgres.PORT) + "/" + database, USER, PASSWORD);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves every serial past the ids tests insert explicitly, as a real database's would be. */
  private static final String SYNC_SEQUENCES = """
      DO $$
      DECLARE c record; top bigint;
      BEGIN
        FOR c IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' LOOP
          EXECUTE format('SELECT max(%I) FROM %I', c.column_name, c.table_name) INTO top;
          PERFORM setval(pg_get_serial_sequence(quote_ident(c.table_name), c.column_name), coalesce(top, 0) + 1, false);
        END LOOP;
      END $$""";

  /** Runs statements on one database (auto-commit). */
  public void sql(DatabaseRole db, String sql) {
    sql(NAMES.get(db), sql);
  }

  public void sql(String database, String sql) {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute(sql);
      s.execute(SYNC_SEQUENCES);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The first column of every row, as text. */
  public List<String> query(DatabaseRole db, String sql) {
    try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Every row of every table of a database, sorted: to show that nothing (or exactly something) was written. */
  public List<String> dump(DatabaseRole db) {
    List<String> tables = query(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    List<String> rows = new ArrayList<>();
    for (String table : tables) {
      query(db, "SELECT row_to_json(t)::text FROM \"" + table + "\" t").stream().sorted().forEach(r -> rows.add(table + " " + r));
    }
    return rows;
  }

  /** A session whose tunnels are Docker's published port, exporting under {@code exportDir}. */
  public DatabaseSession session(Path exportDir) {
    return new DatabaseSession((host, port) -> container.getMappedPort(FleetPostgres.PORT), exportDir, "run-test");
  }
}
