package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import io.reconcile.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * An OpenSSH client configuration ({@code ~/.ssh/config}, or the file of {@code ssh -F}), parsed and
 * resolved by Mina ({@link HostConfigEntry}): Host patterns (and Match host, see {@link SshConfigLines}),
 * first value wins, {@code %h} and {@code ~} in names and paths. What a host gets from it: HostName, Port,
 * User, IdentityFile, IdentitiesOnly, IdentityAgent, ProxyJump (chains, and the jump hosts' own ProxyJump),
 * ConnectTimeout, UserKnownHostsFile, StrictHostKeyChecking and ServerAliveInterval. Values the caller
 * gives (the inventory's) win over the file's, as they do when Ansible passes them to ssh as options.
 */
public final class SshClientConfig {
  /** OpenSSH's own limit on a chain of jump hosts is far above any real one; Mina's is 10. */
  private static final int MAX_JUMPS = 10;

  /** What the configuration says for one host. */
  public record ResolvedHost(String hostName, int port, String user, SshOptions options) {}

  private final String source;
  private final HostConfigEntryResolver resolver;
  private final Map<String, String> env;

  private SshClientConfig(String source, HostConfigEntryResolver resolver, Map<String, String> env) {
    this.source = source;
    this.resolver = resolver;
    this.env = Map.copyOf(env);
  }

  /** No file: ssh's defaults (port 22, the local user, the agent of SSH_AUTH_SOCK). */
  public static SshClientConfig none(Map<String, String> env) {
    return new SshClientConfig("ssh defaults", HostConfigEntryResolver.EMPTY, env);
  }

  /**
   * Reads the file; a value reconcile cannot use is an {@link InvalidInputException} at its line.
   *
   * @param env the environment, for IdentityAgent's SSH_AUTH_SOCK and $VARIABLES
   */
  public static SshClientConfig read(Path file, Map<String, String> env) {
    String name = file.toString();
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(name, 0, "cannot read the ssh client configuration: " + e.getMessage());
    }
    String prepared = SshConfigLines.prepare(name, content);
    List<HostConfigEntry> entries;
    try {
      entries = HostConfigEntry.readHostConfigEntries(new BufferedReader(new StringReader(prepared)));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(name, 0, "not a valid ssh client configuration: " + e.getMessage());
    }
    return new SshClientConfig(name, HostConfigEntry.toHostConfigEntryResolver(entries), env);
  }

  /**
   * The settings of one host.
   *
   * @param host the name to connect to (ansible_host, else the inventory name): Host patterns match it
   * @param port the inventory's port, which wins over the file's
   * @param user the inventory's user, likewise
   * @param proxyJump bastions given outside the file (ansible_ssh_common_args' ProxyJump), likewise
   */
  public ResolvedHost resolve(String host, Optional<Integer> port, Optional<String> user, Optional<String> proxyJump) {
    HostConfigEntry entry = entry(host, port, user);
    String jumps = proxyJump.orElse(Optional.ofNullable(entry.getProxyJump()).orElse(""));
    ImmutableList<SshTarget> chain = jumps.isBlank() || jumps.equalsIgnoreCase("none")
        ? ImmutableList.of() : chain(host, jumps, 0);
    return new ResolvedHost(entry.getHostName(), entry.getPort(), entry.getUsername(), options(host, entry, chain));
  }

  private HostConfigEntry entry(String host, Optional<Integer> port, Optional<String> user) {
    try {
      HostConfigEntry entry = resolver.resolveEffectiveHost(host, port.orElse(0), null, user.orElse(null), null, null);
      return entry != null ? entry : new HostConfigEntry(host, host, port.orElse(22),
          user.orElse(System.getProperty("user.name")));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(source, 0, "host " + host + ": " + e.getMessage());
    }
  }

  /**
   * The jump hosts in connection order, as OpenSSH visits them: {@code ProxyJump a,b} reaches a first, then
   * b through it; the first hop's own ProxyJump comes before it (ssh reaches b with {@code -J a}, which wins
   * over b's own). Mina's client reads a list in the other order, so only its parsing of the value is used.
   */
  private ImmutableList<SshTarget> chain(String forHost, String proxyJump, int depth) {
    if (depth > MAX_JUMPS) {
      throw new InvalidInputException(source, 0, "host " + forHost + ": more than " + MAX_JUMPS
          + " jump hosts (does a ProxyJump lead back to itself?)");
    }
    List<HostConfigEntry> hops;
    try {
      hops = new ProxyJumpParser(resolver).hops(proxyJump);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(source, 0, "host " + forHost + ": ProxyJump '" + proxyJump + "': "
          + e.getMessage());
    }
    List<SshTarget> chain = new ArrayList<>();
    HostConfigEntry first = hops.get(0);
    String firstsOwn = Optional.ofNullable(first.getProxyJump()).orElse("");
    if (!firstsOwn.isBlank() && !firstsOwn.equalsIgnoreCase("none")) {
      chain.addAll(chain(first.getHost(), firstsOwn, depth + 1));
    }
    for (HostConfigEntry hop : hops) {
      String name = hop.getHost() == null || hop.getHost().isEmpty() ? hop.getHostName() : hop.getHost();
      // A hop that no Host entry names comes back as Mina's bare entry: ssh's defaults then.
      String user = Optional.ofNullable(hop.getUsername()).filter(u -> !u.isEmpty())
          .orElse(System.getProperty("user.name"));
      chain.add(new SshTarget(name, hop.getHostName(), hop.getPort() > 0 ? hop.getPort() : 22, user, Optional.empty(),
          false, options(name, hop, List.of())));
    }
    return ImmutableList.copyOf(chain);
  }

  private SshOptions options(String host, HostConfigEntry entry, List<SshTarget> jumps) {
    return new SshOptions(
        entry.getIdentities().stream().map(Path::of).toList(),
        entry.isIdentitiesOnly(),
        agent(host, entry),
        Optional.ofNullable(entry.getProperty("UserKnownHostsFile")).map(v -> path(host, entry, v.split("[\\s,]+")[0])),
        Optional.ofNullable(entry.getProperty("StrictHostKeyChecking")).map(v -> !v.equalsIgnoreCase("yes")
            && !v.equalsIgnoreCase("ask")),
        seconds(entry, "ConnectTimeout"),
        seconds(entry, "ServerAliveInterval"),
        jumps);
  }

  /** IdentityAgent: none, SSH_AUTH_SOCK, $VARIABLE or a socket path; unset means SSH_AUTH_SOCK. */
  private Optional<Path> agent(String host, HostConfigEntry entry) {
    String value = Optional.ofNullable(entry.getProperty(HostConfigEntry.IDENTITY_AGENT)).orElse("SSH_AUTH_SOCK");
    if (value.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (value.equals("SSH_AUTH_SOCK") || value.startsWith("$")) {
      String variable = value.startsWith("$") ? value.replaceAll("^\\$\\{?|}$", "") : value;
      return Optional.ofNullable(env.get(variable)).filter(s -> !s.isBlank()).map(Path::of);
    }
    return Optional.of(path(host, entry, value));
  }

  private Path path(String host, HostConfigEntry entry, String value) {
    try {
      return Path.of(HostConfigEntry.resolveIdentityFilePath(value, entry.getHostName(), entry.getPort(),
          entry.getUsername()));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(source, 0, "host " + host + ": path '" + value + "': " + e.getMessage());
    }
  }

  private static Optional<Duration> seconds(HostConfigEntry entry, String key) {
    return Optional.ofNullable(entry.getProperty(key)).map(String::strip).map(Long::parseLong)
        .filter(s -> s > 0).map(Duration::ofSeconds);
  }

  @Override
  public String toString() {
    return source;
  }
}
