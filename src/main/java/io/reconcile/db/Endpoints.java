package io.reconcile.db;

import com.google.common.collect.ImmutableMap;

/** The databases one invariant uses on one host, by role, in {@link Db} order. */
public record Endpoints(ImmutableMap<Db, DbEndpoint> byRole) {
  public DbEndpoint get(Db role) {
    DbEndpoint endpoint = byRole.get(role);
    if (endpoint == null) {
      throw new IllegalStateException("no " + role.label() + " database declared");
    }
    return endpoint;
  }

  public boolean has(Db role) {
    return byRole.containsKey(role);
  }
}
