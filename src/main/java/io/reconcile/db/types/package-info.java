/** The database invariant types the state loader knows, and how a declaration becomes a host resource. */
package io.reconcile.db.types;
