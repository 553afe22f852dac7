package io.reconcile.state;

import java.util.Optional;

/**
 * A whole file: content from a FreeMarker template (in templates/) or inline FreeMarker text, plus
 * ownership and mode. {@code secret} masks the whole content in diffs.
 */
public record FileSpec(
    String path,
    Ensure ensure,
    Optional<String> template,
    Optional<String> content,
    Optional<String> owner,
    Optional<String> group,
    Optional<Integer> mode,
    boolean secret)
    implements ResourceSpec {}
