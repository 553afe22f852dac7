package io.reconcile.history;

import io.reconcile.report.Mode;
import java.time.Instant;

/**
 * One line of `reconcile history`.
 *
 * @param failed hosts that failed or were unreachable
 */
public record RunEntry(String id, Instant started, Mode mode, String scope, int hosts, int changes, int failed, int exitCode) {}
