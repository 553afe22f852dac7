package io.reconcile.resource;

import io.reconcile.host.ShellResource;
import io.reconcile.state.Declaration;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;

/**
 * One kind of host resource (`package`, `file`, ...): how its declarations read, and what a declaration
 * becomes on one host. Its package holds the rest: the spec, the resource that compares it with the
 * host's facts, and the actions that remove a difference. Registered in {@link ResourceTypes}.
 */
public interface HostResourceType<S extends ResourceSpec> {
  /** Reads the type's keys from a declaration into an {@code S}. */
  SpecParser parser();

  /** The spec record the parser makes. */
  Class<S> specType();

  /** The declaration made concrete for one host: templates rendered with its variables. */
  ShellResource render(Declaration declaration, S spec, Rendering rendering);
}
