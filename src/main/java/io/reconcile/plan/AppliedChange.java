package io.reconcile.plan;

import io.reconcile.host.ApplyOutcome;
import io.reconcile.host.Change;

/** A change apply made, or tried to make, to one resource, and what came of it. */
record AppliedChange(Change change, ApplyOutcome outcome) {}
