package io.reconcile.history;

import io.reconcile.report.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of `reconcile history`.
 *
 * @param failed hosts that failed or were unreachable
 * @param outage how long the run kept the web services down, when it saw both ends (docs/operations.md)
 */
public record RunEntry(String id, Instant started, Mode mode, String scope, int hosts, int changes, int failed,
    int exitCode, Optional<Duration> outage) {}
