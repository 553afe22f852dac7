/** The {@code cyclades-owners-known} invariant (guide §6.3): no Cyclades owner is an email Astakos does not know. */
package io.reconcile.db.cycladesownersknown;
