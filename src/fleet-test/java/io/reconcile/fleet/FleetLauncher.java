package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.reconcile.fleet.FleetSpec.HostSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings fleets up and down: containers, keys, seed data and the files that describe the fleet. */
final class FleetLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
  private static final String READY = "fleet-init: ready";
  /** Per host, counted from its own start; generous because 50 hosts share 2 cores. */
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
  /** Hosts being created and booted at once; more only queues up on the Docker daemon and the 2 cores. */
  private static final int PARALLEL_STARTS = 8;
  private static final String SEED_QUOTA_FILE = "/srv/seed-out/cyclades-user-quota.conf";

  private FleetLauncher() {}

  static Fleet up(String name, FleetSpec spec, Path dir) {
    FleetDocker docker = FleetDocker.connect();
    docker.requireImages(spec.images());
    Path aptRepo = aptRepo();
    remove(name, dir, docker); // leftovers of an earlier fleet of this name
    Stopwatch clock = Stopwatch.createStarted();
    try {
      Files.createDirectories(dir);
      FleetKeys keys = FleetKeys.generate(dir, "reconcile-fleet-" + name);
      docker.createNetwork(name);
      Optional<FleetBastion> bastion = spec.bastion() ? Optional.of(startBastion(docker, name, keys, aptRepo))
          : Optional.empty();
      ImmutableList<FleetHost> hosts = inParallel(spec.hosts(), host -> startHost(docker, name, spec, host, keys,
          aptRepo));
      LOG.info("fleet {}: {} hosts ready in {}", name, hosts.size(), clock);
      Fleet fleet = new Fleet(name, spec, dir, hosts, bastion);
      seed(docker, fleet);
      FleetFiles.write(fleet);
      LOG.info("fleet {}: up in {}, inventory {}", name, clock, fleet.inventory());
      return fleet;
    } catch (IOException | RuntimeException e) {
      try {
        remove(name, dir, docker);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e instanceof FleetException fe ? fe : new FleetException("fleet " + name + " did not come up: " + e.getMessage(), e);
    }
  }

  static void down(String name, Path dir) {
    remove(name, dir, FleetDocker.connect());
  }

  private static void remove(String name, Path dir, FleetDocker docker) {
    ImmutableList<String> containers = docker.containers(name);
    inParallel(containers, container -> {
      docker.removeContainer(container);
      return container;
    });
    docker.removeNetworks(name);
    try {
      if (Files.exists(dir)) {
        MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    } catch (IOException e) {
      throw new FleetException("could not delete " + dir + ": " + e.getMessage(), e);
    }
    if (!containers.isEmpty()) {
      LOG.info("fleet {}: removed {} containers", name, containers.size());
    }
  }

  private static FleetHost startHost(
      FleetDocker docker, String fleet, FleetSpec spec, HostSpec host, FleetKeys keys, Path aptRepo) {
    String container = FleetDocker.containerName(fleet, host.name());
    List<String> aliases = host.role() == Role.ASTAKOS ? List.of(host.name(), "db") : List.of(host.name());
    docker.start(new FleetDocker.HostContainer(fleet, host.name(), host.role().image(spec.release()), aliases,
        Map.of("FLEET_AUTHORIZED_KEY", keys.publicKeyLine()), aptRepo, !spec.bastion()));
    String hostKey = awaitHostKey(docker, container);
    int port = spec.bastion() ? FleetHost.NOT_PUBLISHED : docker.publishedSshPort(container);
    return new FleetHost(host.name(), host.role(), container, port, hostKey);
  }

  /** The jump host: the fleet's base image (sshd only), the one container with a published port. */
  private static FleetBastion startBastion(FleetDocker docker, String fleet, FleetKeys keys, Path aptRepo) {
    String container = FleetDocker.containerName(fleet, FleetSpec.BASTION);
    docker.start(new FleetDocker.HostContainer(fleet, FleetSpec.BASTION, FleetSpec.bastionImage(),
        List.of(FleetSpec.BASTION), Map.of("FLEET_AUTHORIZED_KEY", keys.publicKeyLine()), aptRepo, true));
    String hostKey = awaitHostKey(docker, container);
    return new FleetBastion(FleetSpec.BASTION, container, docker.publishedSshPort(container), hostKey);
  }

  private static String awaitHostKey(FleetDocker docker, String container) {
    docker.awaitOutput(container, READY, READY_TIMEOUT);
    return withoutComment(docker.run(container, "cat", "/etc/ssh/ssh_host_ed25519_key.pub"));
  }

  /** "ssh-ed25519 AAAA... root@host" -> "ssh-ed25519 AAAA..." */
  static String withoutComment(String publicKeyLine) {
    String[] fields = publicKeyLine.strip().split("\\s+");
    if (fields.length < 2) {
      throw new FleetException("not an OpenSSH public key: '" + publicKeyLine.strip() + "'");
    }
    return fields[0] + " " + fields[1];
  }

  /** Seeds the databases on astakos1 and hands the seed's Cyclades per-user quotas to the cyclades hosts. */
  private static void seed(FleetDocker docker, Fleet fleet) {
    Stopwatch clock = Stopwatch.createStarted();
    FleetSpec spec = fleet.spec();
    String astakos = fleet.astakos().container();
    docker.run(astakos, "fleet-seed-db",
        "--users", Integer.toString(spec.users()),
        "--seed", Long.toString(spec.seed()),
        "--release", spec.release().tag());
    ImmutableList<FleetHost> cyclades = fleet.hosts(Role.CYCLADES);
    if (!cyclades.isEmpty()) {
      byte[] quotas = docker.run(astakos, "cat", SEED_QUOTA_FILE).getBytes(UTF_8);
      for (FleetHost host : cyclades) {
        docker.writeFile(host.container(), SEED_QUOTA_FILE, quotas);
        // Merges the quotas into the host's /etc/synnefo/20-snf-cyclades-app-api.conf.
        docker.run(host.container(), "fleet-apply-seed");
      }
    }
    LOG.info("fleet {}: seeded {} users in {}", fleet.name(), spec.users(), clock);
  }

  /** The local apt repository every host mounts at /srv/repo (built by src/fleet/build-images.sh). */
  private static Path aptRepo() {
    Path repo = FleetImages.repositoryLink();
    if (!Files.isDirectory(repo)) {
      throw new FleetException("the fleet's apt repository " + repo + " is missing (build it with src/fleet/build-images.sh)");
    }
    return repo;
  }

  /**
   * Applies {@code task} to every item, {@value #PARALLEL_STARTS} at a time, and returns the results in
   * item order. Waits for all of them; if any failed, throws one exception naming every failure.
   */
  private static <T, R> ImmutableList<R> inParallel(List<T> items, Function<T, R> task) {
    if (items.isEmpty()) {
      return ImmutableList.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), PARALLEL_STARTS));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      ImmutableList.Builder<R> results = ImmutableList.builder();
      List<Throwable> failures = new ArrayList<>();
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      if (!failures.isEmpty()) {
        FleetException failure = new FleetException(failures.size() + " of " + items.size() + " failed; first: "
            + failures.get(0).getMessage(), failures.get(0));
        failures.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
      }
      return results.build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
