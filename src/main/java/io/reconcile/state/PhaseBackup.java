package io.reconcile.state;

import com.google.common.collect.ImmutableList;

/**
 * A phase's `backup:`: the databases it may change, dumped on the database side before the phase first
 * changes anything in a run and again after it changed something (the guide's "a database backup per
 * service after each step"). Their connection variables are those of the host {@code hosts} names, as for
 * database invariants ({@code <prefix>_db_url}, ...).
 *
 * @param databases variable prefixes, e.g. [astakos, cyclades, pithos]
 * @param hosts an inventory pattern naming the one host that reaches the databases and keeps the dumps
 */
public record PhaseBackup(ImmutableList<String> databases, String hosts, Location location) {}
