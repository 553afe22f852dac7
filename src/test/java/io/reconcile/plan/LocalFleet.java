package io.reconcile.plan;

import io.reconcile.resource.ResourceTypes;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.host.HostShell;
import io.reconcile.host.HostUnreachableException;
import io.reconcile.host.LocalShell;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import io.reconcile.template.TemplateRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Hosts that are directories on this machine, driven by the real scripts through a local /bin/sh:
 * for testing planning and apply without SSH. A host named in {@code unreachable} cannot be reached.
 */
final class LocalFleet implements HostConnector {
  private final Set<String> unreachable;
  private final String scriptPrefix;
  /** Hosts in the order the reconciler released them. */
  final List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Scripts run on each host: one per round trip over SSH. */
  final Map<String, AtomicInteger> scripts = new ConcurrentHashMap<>();

  LocalFleet(Set<String> unreachable) {
    this(unreachable, "");
  }

  /** @param scriptPrefix shell text run before every script, e.g. a PATH with stand-ins for apt-get */
  LocalFleet(Set<String> unreachable, String scriptPrefix) {
    this.unreachable = unreachable;
    this.scriptPrefix = scriptPrefix;
  }

  @Override
  public HostShell open(HostTarget host) {
    if (unreachable.contains(host.name())) {
      throw new HostUnreachableException("connection refused (test)");
    }
    AtomicInteger count = scripts.computeIfAbsent(host.name(), h -> new AtomicInteger());
    LocalShell local = new LocalShell();
    return (script, stdin, timeout) -> {
      count.incrementAndGet();
      return local.run(scriptPrefix + script, stdin, timeout);
    };
  }

  @Override
  public int forward(HostTarget host, String remoteHost, int remotePort) {
    open(host);
    return remotePort; // local hosts reach local ports directly
  }

  @Override
  public void release(HostTarget host) {
    released.add(host.name());
  }

  @Override
  public void close() {}

  /** Hosts with a secret variable each (`db_password`), for masking tests. */
  static List<HostTarget> hosts(String... names) {
    return java.util.Arrays.stream(names)
        .map(n -> new HostTarget(n, ImmutableMap.of("db_password", "s3cr3t-" + n)))
        .toList();
  }

  static DesiredState desired(Path project, List<HostTarget> hosts) {
    StateBundle bundle = new StateLoader(ResourceTypes.parsers()).load(new StateFiles(project.resolve("states"), project.resolve("templates")));
    TemplateRenderer templates = new TemplateRenderer(project.resolve("templates"));
    Set<String> all = hosts.stream().map(HostTarget::name).collect(Collectors.toSet());
    return new DesiredStateBuilder(new ResourceRenderer(templates), pattern -> pattern.equals("all") ? all : Set.of(pattern),
        ImmutableMap.of("all", ImmutableList.copyOf(all)), hosts).build(bundle, hosts);
  }
}
