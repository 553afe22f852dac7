package io.reconcile.db;

import com.google.common.collect.ImmutableMap;
import java.sql.Connection;

/** Open connections to an invariant's databases, each inside the transaction the caller started. */
public record Connections(ImmutableMap<Db, Connection> byRole) {
  public Connection get(Db role) {
    Connection connection = byRole.get(role);
    if (connection == null) {
      throw new IllegalStateException("no " + role.label() + " database declared");
    }
    return connection;
  }

  public boolean has(Db role) {
    return byRole.containsKey(role);
  }
}
