package io.reconcile.backup;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.host.HostShell;
import io.reconcile.host.ShellResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dumps databases on the host that reaches them (the database side), with pg_dump, one consistent
 * snapshot each, gzip-tested and checksummed, skipping a database that did not change since its latest
 * dump (dump-databases.sh next to this class says how). Passwords travel on the script's stdin only.
 */
public final class DatabaseDumps {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.@+-]+");
  private static final String SCRIPT = script();

  private final HostShell shell;
  private final String root;
  private final Duration timeout;

  /** @param root where the dumps are kept on the host, in ROOT/&lt;host&gt;-&lt;port&gt;-&lt;database&gt;/ (a plain absolute path) */
  public DatabaseDumps(HostShell shell, String root, Duration timeout) {
    if (!root.matches("/[A-Za-z0-9_./-]+")) {
      throw new IllegalArgumentException("not a plain absolute path: " + root);
    }
    this.shell = shell;
    this.root = root;
    this.timeout = timeout;
  }

  /** One database's outcome: a new dump at {@code path}, or {@code path} is its latest, still current. */
  public record Dump(String prefix, boolean taken, String path, Optional<String> sha256, Optional<Long> bytes) {}

  /**
   * Dumps each database unless unchanged; the dump file is named {@code stamp}.sql.gz.
   *
   * @throws DumpFailedException naming the database and pg_dump's reason; databases before it were dumped
   */
  public ImmutableList<Dump> dump(List<DatabaseEndpoint> databases, String stamp) {
    StringBuilder stdin = new StringBuilder();
    for (DatabaseEndpoint db : databases) {
      for (String field : List.of(db.prefix(), db.host(), db.database(), db.user())) {
        if (!SAFE.matcher(field).matches()) {
          throw new DumpFailedException(db.prefix() + ": '" + field + "' cannot be passed to pg_dump safely");
        }
      }
      stdin.append(db.prefix()).append(' ').append(db.host()).append(' ').append(db.port()).append(' ')
          .append(db.database()).append(' ').append(db.user()).append(' ')
          .append(Base64.getEncoder().encodeToString(db.password().getBytes(StandardCharsets.UTF_8))).append('\n');
    }
    String script = "root='" + root + "'\nstamp='" + stamp.replaceAll("[^A-Za-z0-9_.-]", "_") + "'\n" + SCRIPT;
    ShellResult result = shell.run(script, stdin.toString().getBytes(StandardCharsets.UTF_8), timeout);
    ImmutableList.Builder<Dump> dumps = ImmutableList.builder();
    for (String line : result.stdoutText().split("\n")) {
      String[] f = line.split(" ", 3);
      switch (f[0]) {
        case "dumped" -> {
          String[] rest = f[2].split(" ");
          dumps.add(new Dump(f[1], true, rest[0], Optional.of(rest[1]), Optional.of(Long.parseLong(rest[2]))));
        }
        case "unchanged" -> dumps.add(new Dump(f[1], false, f[2], Optional.empty(), Optional.empty()));
        case "failed" -> throw new DumpFailedException(f[1] + ": " + (f.length > 2 ? f[2] : "failed"));
        default -> { } // blank lines
      }
    }
    if (result.exitStatus() != 0) {
      throw new DumpFailedException("the dump script failed: " + result.errorTail());
    }
    return dumps.build();
  }

  private static String script() {
    try (InputStream in = DatabaseDumps.class.getResourceAsStream("dump-databases.sh")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A dump that could not be taken: the run must not change the databases it would have saved. */
  public static final class DumpFailedException extends RuntimeException {
    public DumpFailedException(String message) {
      super(message);
    }
  }
}
