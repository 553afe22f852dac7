package io.reconcile.db.engine;

import com.google.common.collect.ImmutableMap;

/** The databases one invariant uses on one host, resolved, by role in {@link DatabaseRole} order. */
public record DatabaseEndpoints(ImmutableMap<DatabaseRole, DatabaseEndpoint> byRole) {
  public DatabaseEndpoint get(DatabaseRole role) {
    DatabaseEndpoint endpoint = byRole.get(role);
    if (endpoint == null) {
      throw new IllegalStateException("no " + role.label() + " database declared");
    }
    return endpoint;
  }

  public boolean has(DatabaseRole role) {
    return byRole.containsKey(role);
  }
}
