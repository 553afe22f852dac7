package io.reconcile.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where runs are recorded: files under a state directory, or a PostgreSQL table. */
public interface RunHistory extends AutoCloseable {

  void record(RunRecord run);

  /** The {@code count} most recent runs, newest first. */
  List<RunEntry> latest(int count);

  Optional<RunRecord> find(String runId);

  /** When the latest successful check of this scope (see {@link RunRecord#successfulCheck()}) ended. */
  Optional<Instant> lastSuccessfulCheck(String scopeLabel);

  @Override
  void close();
}
