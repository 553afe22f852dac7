package io.reconcile.resource.file;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;

import java.util.Optional;

/**
 * A whole file: content from a FreeMarker template (in templates/) or inline FreeMarker text, plus
 * ownership and mode. {@code secret} masks the whole content in diffs; {@code replaceLink} lets a
 * symbolic link at the path be replaced by the file (else a link is refused, never followed).
 */
public record FileSpec(
    String path,
    Ensure ensure,
    Optional<String> template,
    Optional<String> content,
    Optional<String> owner,
    Optional<String> group,
    Optional<Integer> mode,
    boolean secret,
    boolean replaceLink)
    implements ResourceSpec {}
