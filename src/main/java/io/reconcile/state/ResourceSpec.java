package io.reconcile.state;

/**
 * The declared state of one resource, before per-host rendering: one record per resource type, read by
 * that type's {@link SpecParser}. Host resource types live in io.reconcile.resource; database invariants
 * implement {@link DatabaseSpec}.
 */
public interface ResourceSpec {}
