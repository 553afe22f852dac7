package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;

import io.reconcile.host.HostResource;
import java.util.Optional;

/**
 * A database invariant on the host whose SSH session tunnels to the database (unique users, quotas in
 * sync, ...). One interface per capability: this one decides "differs?", the plan it returns acts.
 */
public interface DatabaseResource extends HostResource {
  /** Reads the database, never writes; empty when the invariant holds. */
  Optional<DatabasePlan> plan(DatabaseSession session);
}
