/**
 * The database engine every invariant runs on, knowing none of them. A host's
 * {@link io.reconcile.db.engine.DatabaseSession} for the run (tunnels through its SSH session, one
 * connection per database, {@link io.reconcile.db.engine.DatabaseTimeouts}, where exports go); the databases
 * of an invariant by {@link io.reconcile.db.engine.DatabaseRole}, resolved per host
 * ({@link io.reconcile.db.engine.DatabaseEndpoints}) and opened ({@link io.reconcile.db.engine.DatabaseConnections});
 * the statements ({@link io.reconcile.db.engine.Sql}), the writes that export what they remove or rewrite
 * ({@link io.reconcile.db.engine.RowChanges}, {@link io.reconcile.db.engine.DependentRows},
 * {@link io.reconcile.db.engine.ExportFile}), and what a wait for a lock or a timeout means
 * ({@link io.reconcile.db.engine.DatabaseWaits}).
 */
package io.reconcile.db.engine;
