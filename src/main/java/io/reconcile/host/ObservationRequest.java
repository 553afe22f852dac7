package io.reconcile.host;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one host must be asked about in its single observation round trip; duplicates collapse.
 *
 * @param ports {@code host:port} to probe, each with the service that should answer there
 */
public record ObservationRequest(
    ImmutableSet<String> packages, ImmutableSet<String> files, ImmutableSet<String> services, ImmutableSet<String> guards,
    ImmutableMap<String, String> ports) {

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return packages.isEmpty() && files.isEmpty() && services.isEmpty() && guards.isEmpty() && ports.isEmpty();
  }

  public static final class Builder {
    private final Set<String> packages = new LinkedHashSet<>();
    private final Set<String> files = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();
    private final Set<String> guards = new LinkedHashSet<>();
    private final Map<String, String> ports = new LinkedHashMap<>();

    public Builder packageName(String name) {
      packages.add(name);
      return this;
    }

    public Builder file(String path) {
      files.add(path);
      return this;
    }

    public Builder service(String name) {
      services.add(name);
      return this;
    }

    /** A read-only guard command whose exit status is observed (`unless`). */
    public Builder guard(String command) {
      guards.add(command);
      return this;
    }

    /**
     * Whether {@code service} accepts TCP connections on `host:port`, as seen from the host. A closed port
     * is probed again for about two seconds while the service runs (it may be starting), and only once
     * when it does not run.
     */
    public Builder port(String service, String hostPort) {
      ports.putIfAbsent(hostPort, service);
      return this;
    }

    public ObservationRequest build() {
      return new ObservationRequest(ImmutableSet.copyOf(packages), ImmutableSet.copyOf(files),
          ImmutableSet.copyOf(services), ImmutableSet.copyOf(guards), ImmutableMap.copyOf(ports));
    }
  }
}
