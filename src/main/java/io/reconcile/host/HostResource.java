package io.reconcile.host;

import io.reconcile.state.Declaration;

/**
 * A declaration made concrete for one host (templates rendered). Observed either through the host's
 * shell ({@link ShellResource}) or through a database the host reaches ({@code db.DatabaseResource}).
 */
public interface HostResource {
  Declaration declaration();
}
