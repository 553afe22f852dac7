package io.reconcile.db;

/** The Synnefo databases an invariant may span; Astakos (users, quotas, quotaholder) always among them. */
public enum Db {
  ASTAKOS("astakos"),
  CYCLADES("cyclades"),
  PITHOS("pithos");

  private final String label;

  Db(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
