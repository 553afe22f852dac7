package io.reconcile.fleet;

/**
 * The Synnefo databases of a fleet (fleet contract): PostgreSQL on astakos1, network alias {@code db},
 * never published to the Docker host; reach it from a fleet host or through an SSH tunnel to astakos1.
 */
public enum FleetDatabase {
  /** Astakos and quotaholder tables. */
  ASTAKOS("astakos", "snf_apps"),
  CYCLADES("cyclades", "snf_cyclades"),
  PITHOS("pithos", "snf_pithos");

  public static final String HOST = "db";
  public static final int PORT = 5432;
  public static final String USER = "synnefo";
  public static final String PASSWORD = "example_db_password";

  private final String service;
  private final String database;

  FleetDatabase(String service, String database) {
    this.service = service;
    this.database = database;
  }

  /** Prefix of the inventory variables that describe this database: astakos, cyclades, pithos. */
  public String service() {
    return service;
  }

  public String database() {
    return database;
  }

  /** JDBC URL as seen from inside the fleet network (e.g. from astakos1, or the far end of a tunnel). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }
}
