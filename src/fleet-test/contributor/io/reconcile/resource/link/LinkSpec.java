package io.reconcile.resource.link;

import io.reconcile.state.ResourceSpec;

/** A symbolic link at {@code path} that says {@code target} (as `ln -s TARGET PATH` makes it). */
public record LinkSpec(String path, String target) implements ResourceSpec {}
