package io.reconcile.history;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/** What a run set out to reconcile in one phase: resource ids per host, in apply order. */
public record PlannedPhase(String name, ImmutableMap<String, ImmutableList<String>> resourcesByHost) {}
