package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/** One declared resource: what it should be, on which hosts (an inventory pattern), and its links. */
public record Declaration(
    ResourceId id,
    ResourceSpec spec,
    String hosts,
    ImmutableSet<String> tags,
    ImmutableList<ResourceId> requires,
    ImmutableList<String> notifies,
    Location location) {}
