/**
 * The database engine: what every invariant runs on. A host's {@link io.reconcile.db.DatabaseSession} for
 * the run (tunnels through its SSH session, one connection per database, timeouts, where exports go);
 * the databases an invariant names ({@link io.reconcile.db.DatabaseVariables}), resolves per host
 * ({@link io.reconcile.db.DatabaseEndpoints}) and opens ({@link io.reconcile.db.DatabaseConnections}), by
 * {@link io.reconcile.db.DatabaseRole}; the check in read-only snapshots
 * ({@link io.reconcile.db.InvariantResource}) and the apply in one transaction that re-reads, locks,
 * exports and writes ({@link io.reconcile.db.InvariantPlan}, {@link io.reconcile.db.RowChanges},
 * {@link io.reconcile.db.DependentRows}, {@link io.reconcile.db.ExportFile}). An invariant itself is an
 * {@link io.reconcile.db.Invariant} in a package of its own; none of them is named here.
 */
package io.reconcile.db;
