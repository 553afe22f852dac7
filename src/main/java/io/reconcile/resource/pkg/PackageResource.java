package io.reconcile.resource.pkg;

import io.reconcile.host.Change;
import io.reconcile.host.PackageChange;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.PackageFact;
import io.reconcile.host.ShellResource;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Declaration;
import io.reconcile.state.Ensure;
import java.util.Optional;

public record PackageResource(Declaration declaration, PackageSpec spec) implements ShellResource {
  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.packageName(spec.name());
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    PackageFact fact = facts.pkg(spec.name());
    Optional<String> installed = fact.installedVersion();
    if (spec.ensure() == Ensure.ABSENT) {
      return installed.map(v -> change(v, "absent", spec.name() + "-"));
    }
    if (spec.version().isEmpty()) {
      return installed.isPresent() ? Optional.empty() : Optional.of(change("absent", "present", spec.name()));
    }
    String wanted = spec.version().get();
    return installed.filter(wanted::equals).isPresent()
        ? Optional.empty()
        : Optional.of(change(fact.describe(), wanted, spec.name() + "=" + wanted));
  }

  private static Change change(String before, String after, String aptArgument) {
    return new Change(before, after, Optional.empty(), ImmutableList.of(new PackageChange(aptArgument)));
  }
}
