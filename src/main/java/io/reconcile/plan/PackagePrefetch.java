package io.reconcile.plan;

import io.reconcile.host.HostApplier;
import io.reconcile.host.HostFacts;
import io.reconcile.host.HostObserver;
import io.reconcile.host.ShellResource;
import java.util.List;
import java.util.Optional;

/**
 * Before the first phase of an apply, while the cloud still serves: each host downloads into its apt cache
 * the packages that the apt-get runs of the later phases will install (`apt-get --download-only`), so that
 * those runs, once the services are stopped, only unpack (docs/operations.md, "Outage window"). Nothing on
 * the host changes but its apt cache. Best effort: what could not be downloaded now is downloaded by the
 * install itself, which reports what fails.
 */
final class PackagePrefetch {
  private PackagePrefetch() {}

  /** The package resources of this host in every phase after the first, when any. */
  static List<ShellResource> later(DesiredState desired, String host) {
    return desired.phases().stream().skip(1).flatMap(p -> p.resourcesOf(host).stream())
        .filter(r -> r instanceof ShellResource && r.declaration().id().type().equals("package"))
        .map(ShellResource.class::cast).toList();
  }

  /** Observes those packages and downloads what differs; the arguments it downloaded, if any. */
  static List<String> download(HostLink link, RunSettings settings, List<ShellResource> packages) {
    HostFacts facts = HostObserver.observe(link.shell(), packages);
    List<String> arguments = packages.stream().map(p -> p.compare(facts)).flatMap(Optional::stream)
        .flatMap(c -> c.aptArguments().stream())
        .filter(a -> !a.endsWith("-")) // a removal has nothing to download
        .toList();
    if (!arguments.isEmpty()) {
      String backupDir = settings.backupRoot() + "/" + settings.runId();
      new HostApplier(link.shell(), backupDir, settings.dpkgLockWait()).downloadPackages(arguments);
    }
    return arguments;
  }
}
