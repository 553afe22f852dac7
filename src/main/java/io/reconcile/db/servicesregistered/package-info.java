/**
 * The {@code services-registered} invariant (guide §5): the services and resources of Astakos' registry,
 * and what the quotaholder holds for them.
 */
package io.reconcile.db.servicesregistered;
