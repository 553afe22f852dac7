package io.reconcile.fleet;

import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A running test fleet: Debian containers with sshd, the Synnefo packages of one release and an astakos
 * host with the seeded databases. The one implementation behind scripts/fleet, the JUnit extension, demos
 * and benchmarks.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.up("demo", FleetSpec.of(Release.V0_12).withGaneti(2))) {
 *   fleet.ssh("ganeti2", "dpkg-query -W snf-common");
 * }
 * }</pre>
 *
 * Its files live in {@code target/fleet/NAME/} (see {@link #baseDir()}): inventory.ini, id_ed25519(.pub),
 * known_hosts, fleet.json and, for a fleet behind a bastion, ssh_config (the OpenSSH client configuration
 * that reaches its hosts through the bastion).
 */
public record Fleet(String name, FleetSpec spec, Path dir, ImmutableList<FleetHost> hosts,
    Optional<FleetBastion> bastion)
    implements AutoCloseable {
  /** System property naming the directory that holds one sub-directory per fleet. */
  public static final String BASE_DIR_PROPERTY = "reconcile.fleet.dir";
  static final String DESCRIPTION = "fleet.json";
  static final String SSH_CONFIG = "ssh_config";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /**
   * Starts a fleet (replacing any earlier fleet of the same name) and returns once every host accepts
   * SSH logins and the database is seeded.
   */
  /** A fleet whose hosts publish their ports (no bastion). */
  public Fleet(String name, FleetSpec spec, Path dir, ImmutableList<FleetHost> hosts) {
    this(name, spec, dir, hosts, Optional.empty());
  }

  public static Fleet up(String name, FleetSpec spec) {
    return FleetLauncher.up(requireValidName(name), spec, dirOf(name));
  }

  /** Removes the fleet's containers, network and files; does nothing for a fleet that is not up. */
  public static void down(String name) {
    FleetLauncher.down(requireValidName(name), dirOf(name));
  }

  /** The fleet of that name as its last {@link #up} described it (from any JVM). */
  public static Fleet load(String name) {
    return FleetFiles.read(dirOf(requireValidName(name)));
  }

  /** The fleet images this spec needs that are not built yet (empty when the fleet can start). */
  public static List<String> missingImages(FleetSpec spec) {
    return FleetDocker.connect().missingImages(spec.images());
  }

  /** {@code target/fleet} under the working directory unless {@value #BASE_DIR_PROPERTY} says otherwise. */
  public static Path baseDir() {
    return Path.of(System.getProperty(BASE_DIR_PROPERTY, "target/fleet")).toAbsolutePath().normalize();
  }

  static Path dirOf(String name) {
    return baseDir().resolve(name);
  }

  /** Fleet names become parts of container, network and host names: lower-case letters, digits, '-'. */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid fleet name '" + name
          + "': use 1 to 40 lower-case letters, digits and '-', starting with a letter or digit");
    }
    return name;
  }

  public Path inventory() {
    return dir.resolve("inventory.ini");
  }

  public Path privateKey() {
    return dir.resolve("id_ed25519");
  }

  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** The OpenSSH client configuration of a fleet behind a bastion: ProxyJump to every host. */
  public Path sshConfig() {
    return dir.resolve(SSH_CONFIG);
  }

  public FleetHost host(String hostName) {
    return hosts.stream()
        .filter(h -> h.name().equals(hostName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("fleet " + name + " has no host " + hostName));
  }

  public ImmutableList<FleetHost> hosts(Role role) {
    return hosts.stream().filter(h -> h.role() == role).collect(ImmutableList.toImmutableList());
  }

  /** The astakos host, which also runs PostgreSQL (network alias {@code db}). */
  public FleetHost astakos() {
    return hosts(Role.ASTAKOS).get(0);
  }

  /** Runs a command as root inside a host's container (docker exec, no SSH involved). */
  public CommandResult exec(String hostName, String... command) {
    return FleetDocker.connect().exec(host(hostName).container(), command);
  }

  /** Runs a command as root inside a host's container; its stdout, or a FleetException naming command and output. */
  public String run(String hostName, String... command) {
    return FleetDocker.connect().run(host(hostName).container(), command);
  }

  /** Runs a command as root inside the bastion's container (docker exec), for a fleet behind one. */
  public CommandResult execOnBastion(String... command) {
    return FleetDocker.connect().exec(bastion.orElseThrow(() -> new IllegalStateException("fleet " + name
        + " has no bastion")).container(), command);
  }

  /** Runs a shell command on a host over real SSH, as root, checking the host key against known_hosts. */
  public CommandResult ssh(String hostName, String command) {
    return OpenSsh.run(this, host(hostName), command);
  }

  /** Runs SQL on one of the fleet's databases as the Synnefo role; returns psql's unaligned, tuples-only output. */
  public String psql(FleetDatabase database, String sql) {
    return run(astakos().name(), "env", "PGPASSWORD=" + FleetDatabase.PASSWORD,
        "psql", "-h", "127.0.0.1", "-U", FleetDatabase.USER, "-d", database.database(),
        "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
  }

  @Override
  public void close() {
    down(name);
  }
}
