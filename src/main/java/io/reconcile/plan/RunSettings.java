package io.reconcile.plan;

import java.nio.file.Path;

/**
 * Per-run settings of the reconciler.
 *
 * @param forks hosts handled at once
 * @param runId names this run's backups and exports
 * @param backupRoot directory on each host under which replaced files are kept, as RUN_ID/PATH
 * @param exportRoot local directory under which database exports are written, as RUN_ID/...
 */
public record RunSettings(int forks, String runId, String backupRoot, Path exportRoot) {}
