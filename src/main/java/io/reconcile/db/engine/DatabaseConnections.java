package io.reconcile.db.engine;

import com.google.common.collect.ImmutableMap;
import java.sql.Connection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Open connections to an invariant's databases, each inside the transaction the caller started. */
public record DatabaseConnections(ImmutableMap<DatabaseRole, Connection> byRole) {
  public Connection get(DatabaseRole role) {
    Connection connection = byRole.get(role);
    if (connection == null) {
      throw new IllegalStateException("no " + role.label() + " database declared");
    }
    return connection;
  }

  public boolean has(DatabaseRole role) {
    return byRole.containsKey(role);
  }

  /** Each connection once, in role order: roles may share one database (and so one connection). */
  public List<Connection> distinct() {
    Set<Connection> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return byRole.values().stream().filter(seen::add).toList();
  }
}
