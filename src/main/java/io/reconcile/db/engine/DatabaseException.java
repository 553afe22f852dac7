package io.reconcile.db.engine;

/** A database could not be read or written (connection, SQL); the message names the database, never credentials. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
