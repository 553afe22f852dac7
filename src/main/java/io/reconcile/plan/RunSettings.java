package io.reconcile.plan;

import io.reconcile.db.engine.DatabaseTimeouts;
import io.reconcile.host.HostApplier;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Per-run settings of the reconciler.
 *
 * @param forks hosts handled at once
 * @param runId names this run's backups and exports
 * @param backupRoot directory on each host under which replaced files are kept, as RUN_ID/PATH
 * @param exportRoot local directory under which database exports are written, as RUN_ID/...
 * @param dpkgLockWait how long apt waits for another process holding the dpkg lock before it fails
 * @param database how long a host's database connections wait to connect, for a lock, for a statement
 */
public record RunSettings(int forks, String runId, String backupRoot, Path exportRoot, Duration dpkgLockWait,
    DatabaseTimeouts database) {
  public RunSettings(int forks, String runId, String backupRoot, Path exportRoot) {
    this(forks, runId, backupRoot, exportRoot, HostApplier.DEFAULT_DPKG_LOCK_WAIT);
  }

  public RunSettings(int forks, String runId, String backupRoot, Path exportRoot, Duration dpkgLockWait) {
    this(forks, runId, backupRoot, exportRoot, dpkgLockWait, DatabaseTimeouts.DEFAULTS);
  }
}
