package io.reconcile.state;

/**
 * The declared state of a database invariant (unique users, quotas in sync, ...), observed over JDBC
 * through a host's SSH tunnel rather than through its shell. A phase holds either these or host
 * resources, never both, so the order of a phase never interleaves the two.
 */
public interface DatabaseSpec extends ResourceSpec {}
