/** The {@code quotas-limits} invariant (guide §8): each quotaholder holding's policy is the user's quota. */
package io.reconcile.db.quotaslimits;
