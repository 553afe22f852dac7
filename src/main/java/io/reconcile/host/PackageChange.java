package io.reconcile.host;

/** `name=version` to install, `name` for any version, `name-` to remove; all of a host's in one apt-get run. */
public record PackageChange(String aptArgument) implements HostAction {}
