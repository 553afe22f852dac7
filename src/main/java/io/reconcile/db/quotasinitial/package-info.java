/** The {@code quotas-initial} invariant (guide §7): the old per-user quotas as Astakos quota rows. */
package io.reconcile.db.quotasinitial;
