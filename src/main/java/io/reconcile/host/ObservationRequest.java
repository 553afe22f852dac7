package io.reconcile.host;

import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one host must be asked about in its single observation round trip; duplicates collapse. */
public record ObservationRequest(
    ImmutableSet<String> packages, ImmutableSet<String> files, ImmutableSet<String> services, ImmutableSet<String> guards,
    ImmutableSet<String> ports) {

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return packages.isEmpty() && files.isEmpty() && services.isEmpty() && guards.isEmpty() && ports.isEmpty();
  }

  /** Whether what an action alters is part of what this observes. */
  public boolean sees(Touches touched) {
    if (touched instanceof Touches.File file) {
      return files.contains(file.path());
    }
    if (touched instanceof Touches.Service service) {
      return services.contains(service.name());
    }
    return true;
  }

  public static final class Builder {
    private final Set<String> packages = new LinkedHashSet<>();
    private final Set<String> files = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();
    private final Set<String> guards = new LinkedHashSet<>();
    private final Set<String> ports = new LinkedHashSet<>();

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

    /** Whether something accepts TCP connections on `host:port`, as seen from the host. */
    public Builder port(String hostPort) {
      ports.add(hostPort);
      return this;
    }

    public ObservationRequest build() {
      return new ObservationRequest(ImmutableSet.copyOf(packages), ImmutableSet.copyOf(files),
          ImmutableSet.copyOf(services), ImmutableSet.copyOf(guards), ImmutableSet.copyOf(ports));
    }
  }
}
