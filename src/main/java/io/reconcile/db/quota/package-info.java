/**
 * What the quota invariants share about Synnefo's quota model: quota numbers (the quotaholder's
 * "practically infinite"), the 0.13 tables they need, usage as the services count it, and how the services
 * name users.
 */
package io.reconcile.db.quota;
