package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * One declared resource: what it should be, on which hosts (an inventory pattern), and its links.
 *
 * @param when a read-only shell command; the declaration applies on a host only while it exits 0
 *     (e.g. "services stay down while snf-common is older than 0.13")
 * @param vars variables for this declaration's templates, over the host's
 */
public record Declaration(
    ResourceId id,
    ResourceSpec spec,
    String hosts,
    ImmutableSet<String> tags,
    ImmutableList<ResourceId> requires,
    ImmutableList<String> notifies,
    Optional<String> when,
    ImmutableMap<String, String> vars,
    Location location) {}
