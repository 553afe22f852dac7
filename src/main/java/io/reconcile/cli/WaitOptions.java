package io.reconcile.cli;

import io.reconcile.db.engine.DatabaseTimeouts;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How long a run may wait, so that none waits forever: on a database (connect, a lock, a statement), for
 * the whole run (a deadline), and for another run of the same inventory and state directory.
 */
final class WaitOptions {
  @Option(names = "--db-connect-timeout", defaultValue = "20", paramLabel = "SECONDS",
      description = "limit for connecting to a database through its tunnel (default: ${DEFAULT-VALUE})")
  int dbConnectTimeout;

  @Option(names = "--db-lock-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "how long a check or apply waits for a lock another database session holds, e.g. a migration"
          + " (default: ${DEFAULT-VALUE}); the resource then fails naming the lock and its holder")
  int dbLockTimeout;

  @Option(names = "--db-statement-timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "limit for one database statement (default: ${DEFAULT-VALUE})")
  int dbStatementTimeout;

  @Option(names = "--run-timeout", paramLabel = "SECONDS",
      description = "deadline for the whole run (from when it holds its lock): then nothing new starts, remote"
          + " scripts in flight are stopped, what was not done fails (exit 4); a script after it gets at most 15 s"
          + " (default: none)")
  Integer runTimeout;

  @Option(names = "--wait-for-lock", defaultValue = "0", paramLabel = "SECONDS",
      description = "when another run of this inventory and state directory is in progress, wait this long for it"
          + " (default: ${DEFAULT-VALUE}: exit " + RunLock.BUSY + " at once, naming it)")
  int waitForLock;

  void validate(CommandSpec spec) {
    if (dbConnectTimeout < 1 || dbLockTimeout < 1 || dbStatementTimeout < 1 || (runTimeout != null && runTimeout < 1)
        || waitForLock < 0) {
      throw new ParameterException(spec.commandLine(),
          "--db-connect-timeout, --db-lock-timeout, --db-statement-timeout and"
          + " --run-timeout must be at least 1 second, --wait-for-lock at least 0");
    }
  }

  DatabaseTimeouts database() {
    return new DatabaseTimeouts(Duration.ofSeconds(dbConnectTimeout), Duration.ofSeconds(dbLockTimeout),
        Duration.ofSeconds(dbStatementTimeout));
  }
}
