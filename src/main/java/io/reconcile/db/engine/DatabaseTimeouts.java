package io.reconcile.db.engine;

import java.time.Duration;

/**
 * How long a run waits on a database, in check and apply alike: to connect (through the tunnel), for a
 * lock another session holds (a migration, an operator's psql), and for one statement. The socket
 * timeout, for a server or tunnel that stops answering altogether, is the statement timeout and a
 * margin: the server cancels a slow statement itself first and says so.
 */
public record DatabaseTimeouts(Duration connect, Duration lock, Duration statement) {
  public static final DatabaseTimeouts DEFAULTS =
      new DatabaseTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMinutes(10));
  private static final Duration SOCKET_MARGIN = Duration.ofSeconds(30);

  public DatabaseTimeouts {
    if (connect.isNegative() || connect.isZero() || lock.isNegative() || lock.isZero() || statement.isNegative()
        || statement.isZero()) {
      throw new IllegalArgumentException("database timeouts must be positive");
    }
  }

  Duration socket() {
    return statement.plus(lock).plus(SOCKET_MARGIN);
  }
}
