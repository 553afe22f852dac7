package io.reconcile.plan;

import com.google.common.collect.ImmutableMap;

/** A host to reconcile: its inventory name and its variables (after inventory precedence). */
public record HostTarget(String name, ImmutableMap<String, String> vars) {}
