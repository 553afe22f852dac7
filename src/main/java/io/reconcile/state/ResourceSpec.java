package io.reconcile.state;

/** The declared state of one resource, before per-host rendering. One record per resource type. */
public sealed interface ResourceSpec
    permits PackageSpec, FileSpec, LineSpec, ServiceSpec, CommandSpec, DatabaseSpec {}
