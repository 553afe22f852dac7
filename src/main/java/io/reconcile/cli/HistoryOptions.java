package io.reconcile.cli;

import io.reconcile.history.FileRunHistory;
import io.reconcile.history.PostgresRunHistory;
import io.reconcile.history.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the run history is kept, shared by `reconcile`, `reconcile history` and `reconcile show`: files
 * under the state directory, or PostgreSQL with --history-jdbc (user and password from the environment
 * or a file, never from the command line, where `ps` would show them).
 */
final class HistoryOptions {
  static final String USER_ENV = "RECONCILE_HISTORY_USER";
  static final String PASSWORD_ENV = "RECONCILE_HISTORY_PASSWORD";
  /** `reconcile history` and `show` when the history cannot be read (sysexits EX_UNAVAILABLE). */
  static final int UNAVAILABLE = 69;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "run history directory (default: $RECONCILE_STATE_DIR, /var/lib/reconcile as root, else $XDG_STATE_HOME/reconcile or ~/.local/state/reconcile)")
  Path stateDir;

  @Option(names = "--history-jdbc", paramLabel = "URL",
      description = "keep the run history in PostgreSQL instead, e.g. jdbc:postgresql://db:5432/ops (user: $" + USER_ENV
          + ", password: $" + PASSWORD_ENV + " or --history-password-file)")
  String jdbcUrl;

  @Option(names = "--history-password-file", paramLabel = "FILE", description = "file whose first line is the history database password")
  Path passwordFile;

  RunHistory open() {
    return open(System.getenv());
  }

  RunHistory open(Map<String, String> env) {
    if (jdbcUrl == null) {
      return new FileRunHistory(stateDirectory(env));
    }
    try {
      return PostgresRunHistory.open(jdbcUrl, Optional.ofNullable(env.get(USER_ENV)), password(env));
    } catch (SQLException e) {
      // Without the URL's parameters: they may hold a password.
      throw new IllegalStateException("cannot open the run history at " + jdbcUrl.replaceFirst("\\?.*", "?...") + ": "
          + e.getMessage(), e);
    }
  }

  /** The state directory (the embedded history, run locks, default exports), also when the history is in PostgreSQL. */
  Path stateDirectory(Map<String, String> env) {
    return StateDirectory.resolve(Optional.ofNullable(stateDir), env, StateDirectory.runningAsRoot());
  }

  /** The database password, to mask it wherever it could show up (a driver's error message). */
  Optional<String> password(Map<String, String> env) {
    if (passwordFile != null) {
      try {
        return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().filter(p -> !p.isEmpty());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --history-password-file " + passwordFile + ": " + e.getMessage(), e);
      }
    }
    return Optional.ofNullable(env.get(PASSWORD_ENV)).filter(p -> !p.isEmpty());
  }
}
