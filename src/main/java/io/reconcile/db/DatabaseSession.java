package io.reconcile.db;

import java.nio.file.Path;

/**
 * A host's access to databases for one run: tunnels through its SSH session, where exports go, and
 * the run they belong to.
 */
public final class DatabaseSession implements AutoCloseable {
  private final Tunnels tunnels;
  private final Path exportDir;
  private final String runId;

  public DatabaseSession(Tunnels tunnels, Path exportDir, String runId) {
    this.tunnels = tunnels;
    this.exportDir = exportDir;
    this.runId = runId;
  }

  public Tunnels tunnels() {
    return tunnels;
  }

  public Path exportDir() {
    return exportDir;
  }

  public String runId() {
    return runId;
  }

  @Override
  public void close() {}
}
