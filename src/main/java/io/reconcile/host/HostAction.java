package io.reconcile.host;

/**
 * One thing apply does to a host to remove a drift: a package change (all of a phase's go in one apt-get
 * run, {@link HostApplier#runPackages}) or an action that is a script of its own ({@link ScriptAction}).
 */
public sealed interface HostAction permits PackageChange, ScriptAction {}
