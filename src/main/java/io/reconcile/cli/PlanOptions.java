package io.reconcile.cli;

import com.google.common.collect.ImmutableList;
import io.reconcile.plan.HostPlan;
import io.reconcile.plan.PlannedChange;
import io.reconcile.plan.Reconciler;
import io.reconcile.report.HostStatus;
import io.reconcile.report.SecretMasker;
import io.reconcile.savedplan.InputDigests;
import io.reconcile.savedplan.SavedPlan;
import io.reconcile.savedplan.SavedPlanFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Saved plans: {@code --check --plan-out FILE} keeps the reviewed plan, {@code --plan FILE} (or
 * {@code reconcile apply FILE}) applies exactly it (docs/decisions/0004-saved-plans.md).
 */
final class PlanOptions {
  @Option(names = "--plan-out", paramLabel = "FILE",
      description = "with --check: save the plan (every change, with digests of the facts it rests on; mode 0600)")
  Path planOut;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "apply exactly the changes of a plan saved with --plan-out, refusing hosts whose facts moved"
          + " since (also: reconcile apply FILE)")
  Path plan;

  Optional<SavedPlan> saved() {
    return Optional.ofNullable(plan).map(SavedPlanFile::read);
  }

  /** Refuses the plan when a file that shaped it changed since (exit 65, no host contacted). */
  void requireInputsUnchanged(SavedPlan saved, Path inventory, ProjectLayout layout) {
    InputDigests.requireUnchanged(plan, saved.inputs(), InputDigests.of(inventory, layout.states(),
        layout.templates()));
  }

  /** Writes the check's plan, masked, when --plan-out asks for it. */
  void save(Reconciler.CheckedPlan checked, SecretMasker masker, String runId, Path inventory, ProjectLayout layout,
      Optional<String> limit, List<String> tags, List<String> skipTags, PrintWriter err) {
    if (planOut == null) {
      return;
    }
    ImmutableList<HostPlan> hosts = checked.plans().stream().map(h -> masked(h, masker))
        .collect(ImmutableList.toImmutableList());
    SavedPlanFile.write(planOut, new SavedPlan(runId, Instant.now(), inventory.toAbsolutePath(),
        layout.states().toAbsolutePath(), layout.templates().toAbsolutePath(), limit, ImmutableList.copyOf(tags),
        ImmutableList.copyOf(skipTags), InputDigests.of(inventory, layout.states(), layout.templates()), hosts));
    checked.report().hosts().stream()
        .filter(h -> h.status() == HostStatus.FAILED || h.status() == HostStatus.UNREACHABLE)
        .forEach(h -> err.println("reconcile: warning: " + h.name() + " could not be checked; the plan " + planOut
            + " has no changes for it"));
    err.flush();
  }

  private static HostPlan masked(HostPlan host, SecretMasker masker) {
    return new HostPlan(host.host(), host.changes().stream()
        .map(c -> new PlannedChange(c.id(), c.type(), c.phase(), masker.mask(c.before()), masker.mask(c.after()),
            c.diff().map(masker::mask), c.facts()))
        .collect(ImmutableList.toImmutableList()));
  }
}
