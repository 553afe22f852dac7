/**
 * The {@code users-unique} invariant (guide §2, §6.1-6.2): one Astakos user per email, the others removed
 * with what references them; one spelling of a name in Cyclades and in Pithos.
 */
package io.reconcile.db.usersunique;
