/** The {@code quotas-usage} invariant (guide §9): each holding's usage is what Cyclades and Pithos count. */
package io.reconcile.db.quotasusage;
