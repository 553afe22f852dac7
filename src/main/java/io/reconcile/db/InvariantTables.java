package io.reconcile.db;

import io.reconcile.db.engine.DatabaseConnections;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The tables an invariant reads and writes, per open connection (roles sharing a database share one). */
final class InvariantTables {
  private InvariantTables() {}

  static Map<Connection, List<String>> byConnection(Invariant<?> invariant, DatabaseConnections connections) {
    Map<Connection, List<String>> tables = new IdentityHashMap<>();
    for (Invariant.TableLock lock : invariant.locks()) {
      if (connections.has(lock.db())) {
        List<String> names = tables.computeIfAbsent(connections.get(lock.db()), c -> new ArrayList<>());
        if (!names.contains(lock.table())) {
          names.add(lock.table());
        }
      }
    }
    return tables;
  }
}
