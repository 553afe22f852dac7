package io.reconcile.host;

import com.google.common.collect.ImmutableMap;

/** Everything one observation round trip learned about a host. */
public record HostFacts(
    ImmutableMap<String, PackageFact> packages,
    ImmutableMap<String, FileFact> files,
    ImmutableMap<String, ServiceFact> services,
    ImmutableMap<String, Integer> guards,
    ImmutableMap<String, Boolean> ports) {

  public PackageFact pkg(String name) {
    return require(packages, name, "package");
  }

  public FileFact file(String path) {
    return require(files, path, "file");
  }

  public ServiceFact service(String name) {
    return require(services, name, "service");
  }

  /** Exit status of a guard command. */
  public int guard(String command) {
    return require(guards, command, "guard");
  }

  /** Whether `host:port` accepted a TCP connection from the host. */
  public boolean listening(String hostPort) {
    return require(ports, hostPort, "port");
  }

  private static <T> T require(ImmutableMap<String, T> facts, String key, String kind) {
    T fact = facts.get(key);
    if (fact == null) {
      throw new IllegalStateException(kind + " '" + key + "' was not observed"); // a planner bug, not input
    }
    return fact;
  }
}
