package io.reconcile.state;

import com.google.common.collect.ImmutableList;

/**
 * Declarations that converge together. A phase starts on any host only after the previous one converged
 * on every host it targets; within a phase, order is declaration order plus `require`.
 */
public record Phase(String name, ImmutableList<Declaration> declarations) {}
