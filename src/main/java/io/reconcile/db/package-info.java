/**
 * Database invariants: what an invariant is and how the run checks and applies it. An invariant is an
 * {@link io.reconcile.db.Invariant} in a package of its own (none of them is named here), declared by an
 * {@link io.reconcile.db.InvariantSpec} with the {@link io.reconcile.db.DatabaseVariables} that name its
 * databases; the check reads in read-only snapshots ({@link io.reconcile.db.InvariantResource}) and gives
 * {@link io.reconcile.db.Observed} findings; the apply is one transaction that re-reads, locks, exports and
 * writes ({@link io.reconcile.db.InvariantPlan}). What they run on (sessions, tunnels, connections,
 * timeouts, row changes, exports) is {@link io.reconcile.db.engine}.
 */
package io.reconcile.db;
