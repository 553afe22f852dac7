package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.DockerClientFactory;

/**
 * The one Docker wrapper of the tests: the operations a fleet needs, and the faults tests inflict on its
 * containers, on Testcontainers' docker-java client. Everything a fleet creates carries the label
 * {@value #FLEET_LABEL}=NAME, so any JVM can find and remove it again.
 */
public final class FleetDocker {
  static final String FLEET_LABEL = "io.reconcile.fleet";
  static final String HOST_LABEL = "io.reconcile.fleet.host";
  private static final ExposedPort SSH = ExposedPort.tcp(22);
  private static final String LOOPBACK = "127.0.0.1";
  private static final int LOG_TAIL_CHARS = 4000;
  private static final int COMMAND_CHARS = 200;

  private final DockerClient client;

  private FleetDocker(DockerClient client) {
    this.client = client;
  }

  public static FleetDocker connect() {
    try {
      return new FleetDocker(DockerClientFactory.instance().client());
    } catch (RuntimeException e) {
      throw new FleetException("no Docker engine answers (run scripts/lib/ensure-docker.sh): " + e.getMessage(), e);
    }
  }

  public static String networkName(String fleet) {
    return "reconcile-" + fleet;
  }

  public static String containerName(String fleet, String host) {
    return "reconcile-" + fleet + "-" + host;
  }

  /** Fails naming every image that is not present locally; images are built, never pulled. */
  void requireImages(List<String> images) {
    List<String> missing = missingImages(images);
    if (!missing.isEmpty()) {
      throw new FleetException("fleet images missing locally: " + String.join(", ", missing)
          + " (build them with src/fleet/build-images.sh, or scripts/fleet which runs it)");
    }
  }

  public List<String> missingImages(List<String> images) {
    return images.stream().distinct().filter(image -> !imageExists(image)).toList();
  }

  private boolean imageExists(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  void createNetwork(String fleet) {
    client.createNetworkCmd()
        .withName(networkName(fleet))
        .withDriver("bridge")
        .withLabels(Map.of(FLEET_LABEL, fleet))
        .exec();
  }

  /** A host container to create on the fleet's network. */
  record HostContainer(String fleet, String host, String image, List<String> aliases, Map<String, String> env,
      Path aptRepo, boolean publishSsh) {}

  /**
   * Creates and starts a host container: port 22 published on 127.0.0.1 only (an ephemeral port chosen
   * by Docker) unless {@code publishSsh} is off, the apt repository mounted read-only at /srv/repo.
   */
  void start(HostContainer spec) {
    String name = containerName(spec.fleet(), spec.host());
    HostConfig hostConfig = HostConfig.newHostConfig()
        .withNetworkMode(networkName(spec.fleet()))
        .withBinds(new Bind(spec.aptRepo().toString(), new Volume("/srv/repo"), AccessMode.ro))
        // As on a real host, root may read /proc/PID/exe of other users' daemons: start-stop-daemon --exec
        // (memcached's init script) needs it to find a daemon that dropped its privileges.
        .withCapAdd(Capability.SYS_PTRACE);
    if (spec.publishSsh()) {
      // Explicit binding: publishing all ports would listen on 0.0.0.0.
      hostConfig.withPortBindings(new PortBinding(Ports.Binding.bindIp(LOOPBACK), SSH));
    }
    client.createContainerCmd(spec.image())
        .withName(name)
        .withHostName(spec.host())
        .withLabels(Map.of(FLEET_LABEL, spec.fleet(), HOST_LABEL, spec.host()))
        .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
        .withExposedPorts(SSH)
        .withHostConfig(hostConfig)
        .withAliases(spec.aliases())
        .exec();
    client.startContainerCmd(name).exec();
  }

  /**
   * Waits until the container prints {@code line} on stdout or stderr. Fails early, with the end of the
   * container's output, when the container stops first or the timeout passes.
   */
  void awaitOutput(String container, String line, Duration timeout) {
    CompletableFuture<Void> seen = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    ResultCallback.Adapter<Frame> follower = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (output) {
          output.append(new String(frame.getPayload(), UTF_8));
          if (output.indexOf(line) >= 0) {
            seen.complete(null);
          }
        }
      }

      @Override
      public void onError(Throwable error) {
        seen.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        seen.completeExceptionally(new FleetException("container stopped"));
      }
    };
    try (var stream = client.logContainerCmd(container)
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(follower)) {
      seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      String why = e instanceof TimeoutException ? "not ready after " + timeout.toSeconds() + "s" : e.getCause().getMessage();
      throw new FleetException(container + ": " + why + "; its output ends with:\n" + tail(output));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException(container + ": interrupted while waiting for it to start", e);
    } catch (IOException e) {
      throw new FleetException(container + ": could not read its output: " + e.getMessage(), e);
    }
  }

  private static String tail(StringBuilder output) {
    synchronized (output) {
      return output.substring(Math.max(0, output.length() - LOG_TAIL_CHARS));
    }
  }

  /** The 127.0.0.1 port Docker published for the container's port 22. */
  public int publishedSshPort(String container) {
    Ports.Binding[] bindings = client.inspectContainerCmd(container).exec()
        .getNetworkSettings().getPorts().getBindings().get(SSH);
    if (bindings == null || bindings.length == 0) {
      throw new FleetException(container + ": port 22 is not published");
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  /** Runs a command in a running container (as root), like {@code docker exec}. */
  public CommandResult exec(String container, String... command) {
    String execId = client.execCreateCmd(container)
        .withCmd(command)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .exec()
        .getId();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (var callback = client.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
      }
    })) {
      callback.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException(container + ": interrupted while running " + String.join(" ", command), e);
    } catch (IOException e) {
      throw new FleetException(container + ": running " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
    return new CommandResult(exitCode == null ? -1 : exitCode.intValue(), stdout.toByteArray(),
        stderr.toByteArray());
  }

  /** Runs a command like {@link #exec}; its stdout, or a FleetException naming container, command and output. */
  public String run(String container, String... command) {
    String line = String.join(" ", command);
    return FleetException.stdoutOrThrow(exec(container, command), container + ": "
        + (line.length() > COMMAND_CHARS ? line.substring(0, COMMAND_CHARS) + "..." : line));
  }

  /** Starts a command in a running container and returns at once, like {@code docker exec -d}. */
  public void execDetached(String container, String... command) {
    String execId = client.execCreateCmd(container).withCmd(command).exec().getId();
    client.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<Frame>());
  }

  /** Writes a file (mode 0644, owned by root) into a running container, creating its directory if needed. */
  public void writeFile(String container, String absolutePath, byte[] content) {
    Path path = Path.of(absolutePath);
    run(container, "mkdir", "-p", path.getParent().toString());
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      TarArchiveEntry entry = new TarArchiveEntry(path.getFileName().toString());
      entry.setSize(content.length);
      entry.setMode(0100644);
      out.putArchiveEntry(entry);
      out.write(content);
      out.closeArchiveEntry();
    } catch (IOException e) {
      throw new FleetException("could not pack " + absolutePath + ": " + e.getMessage(), e);
    }
    client.copyArchiveToContainerCmd(container)
        .withRemotePath(path.getParent().toString())
        .withTarInputStream(new ByteArrayInputStream(tar.toByteArray()))
        .exec();
  }

  /** Names of the fleet's containers, running or not. */
  public ImmutableList<String> containers(String fleet) {
    return client.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(FLEET_LABEL, fleet))
        .exec()
        .stream()
        .map(FleetDocker::nameOf)
        .collect(ImmutableList.toImmutableList());
  }

  private static String nameOf(Container container) {
    String[] names = container.getNames();
    return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : container.getId();
  }

  /** Whether a network of exactly this name exists (whoever created it). */
  public boolean networkExists(String name) {
    return client.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name));
  }

  /** Where Docker publishes the container's port 22, as {@code docker port C 22} lists them (address:port). */
  public List<String> sshBindings(String container) {
    Ports.Binding[] bindings = client.inspectContainerCmd(container).exec()
        .getNetworkSettings().getPorts().getBindings().get(SSH);
    return bindings == null ? List.of()
        : Stream.of(bindings).map(b -> b.getHostIp() + ":" + b.getHostPortSpec()).toList();
  }

  /** Stops the container as {@code docker stop --time 1} does (TERM to its init, KILL a second later). */
  public void stop(String container) {
    client.stopContainerCmd(container).withTimeout(1).exec();
  }

  /** Starts a stopped container again (Docker may publish its ports on other host ports). */
  public void startContainer(String container) {
    client.startContainerCmd(container).exec();
  }

  /** Freezes every process of the container (cgroup freezer): the kernel still accepts TCP, nobody answers. */
  public void pause(String container) {
    client.pauseContainerCmd(container).exec();
  }

  public void unpause(String container) {
    client.unpauseContainerCmd(container).exec();
  }

  void removeContainer(String container) {
    try {
      client.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already gone (removed concurrently, or by its own --rm): the goal is reached.
    }
  }

  /** Removes the fleet's networks; call after its containers are gone. */
  void removeNetworks(String fleet) {
    List<Network> networks = client.listNetworksCmd()
        .withFilter("label", List.of(FLEET_LABEL + "=" + fleet))
        .exec();
    for (Network network : networks) {
      try {
        client.removeNetworkCmd(network.getId()).exec();
      } catch (NotFoundException e) {
        // Already gone: the goal is reached.
      }
    }
  }
}
