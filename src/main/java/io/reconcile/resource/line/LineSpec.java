package io.reconcile.resource.line;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a file. Present: the first line matching {@code match} (or equal to {@code text}) becomes
 * {@code text}, further matches are removed, and the line is appended when nothing matches. Absent:
 * every matching line is removed. With {@code backrefs} (Ansible's lineinfile `backrefs`), every line
 * matching {@code match} becomes {@code text} with {@code \\1}..{@code \\9} replaced by the match's groups,
 * and nothing is appended: a setting renamed this way keeps its value. The `setting` form of a
 * declaration is turned into this one. {@code text} is FreeMarker text rendered per host.
 */
public record LineSpec(String path, Ensure ensure, Optional<String> text, Optional<Pattern> match, boolean create,
    boolean backrefs) implements ResourceSpec {}
