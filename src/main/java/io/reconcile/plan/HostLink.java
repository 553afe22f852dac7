package io.reconcile.plan;

import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.host.HostShell;

/**
 * What a run has of one host: its shell (the one SSH session, opened on first use) and its database
 * access (tunnels through that session).
 */
final class HostLink {
  private final HostConnector connector;
  private final HostTarget host;
  private final RunSettings settings;
  private HostShell shell;
  private DatabaseSession database;

  HostLink(HostConnector connector, HostTarget host, RunSettings settings) {
    this.connector = connector;
    this.host = host;
    this.settings = settings;
  }

  synchronized HostShell shell() {
    if (shell == null) {
      shell = connector.open(host);
    }
    return shell;
  }

  synchronized DatabaseSession database() {
    if (database == null) {
      database = new DatabaseSession((remoteHost, remotePort) -> connector.forward(host, remoteHost, remotePort),
          settings.exportRoot().resolve(settings.runId()), settings.runId(), settings.database());
    }
    return database;
  }

  synchronized void close() {
    if (database != null) {
      database.close();
    }
  }
}
