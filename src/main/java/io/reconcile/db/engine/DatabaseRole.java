package io.reconcile.db.engine;

import io.reconcile.db.DatabaseVariables;

/**
 * The part a database plays for an invariant: the Synnefo databases an invariant may span, Astakos (users,
 * quotas, quotaholder) always among them. A role is declared by {@link DatabaseVariables}, resolved to a
 * {@link DatabaseEndpoint} per host ({@link DatabaseEndpoints}), and opened as a connection
 * ({@link DatabaseConnections}) of the host's {@link DatabaseSession}.
 */
public enum DatabaseRole {
  ASTAKOS("astakos"),
  CYCLADES("cyclades"),
  PITHOS("pithos");

  private final String label;

  DatabaseRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
