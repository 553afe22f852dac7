package io.reconcile.host;

import io.reconcile.state.Declaration;

/** A resource that differs on a host, with the change that would remove the difference. */
public record PendingChange(Declaration declaration, Change change) {}
