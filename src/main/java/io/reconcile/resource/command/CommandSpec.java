package io.reconcile.resource.command;

import io.reconcile.state.ResourceSpec;

import java.time.Duration;
import java.util.Optional;

/**
 * A command that runs only when its guard says so: not when {@code unless} exits 0, not when the path
 * {@code creates} exists. A guard is required, so every run can tell whether the command is pending.
 */
public record CommandSpec(String command, Optional<String> unless, Optional<String> creates, Duration timeout)
    implements ResourceSpec {}
