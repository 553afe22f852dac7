package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Declarations that converge together. A phase starts on any host only after the previous one converged
 * on every host it targets; within a phase, order is declaration order plus `require`. {@code backup}
 * names the databases the phase may change, dumped around it.
 */
public record Phase(String name, ImmutableList<Declaration> declarations, Optional<PhaseBackup> backup) {}
