package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The files that describe a running fleet to its users: the Ansible INI inventory, an OpenSSH
 * known_hosts file with every host's key, fleet.json (everything, for tools and other JVMs), and for a
 * fleet behind a bastion the OpenSSH client configuration that reaches its hosts (ssh_config).
 */
final class FleetFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FleetFiles() {}

  static void write(Fleet fleet) {
    try {
      Files.writeString(fleet.inventory(), inventory(fleet), UTF_8);
      Files.writeString(fleet.knownHosts(), knownHosts(fleet), UTF_8);
      if (fleet.bastion().isPresent()) {
        Files.writeString(fleet.sshConfig(), sshConfig(fleet), UTF_8);
      }
      Files.writeString(fleet.dir().resolve(Fleet.DESCRIPTION), JSON.writeValueAsString(describe(fleet)) + "\n", UTF_8);
    } catch (IOException e) {
      throw new FleetException("could not write the files of fleet " + fleet.name() + " in " + fleet.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ansible INI inventory: one group per role (empty groups included), hosts in spec order. Behind a
   * bastion the hosts have no connection variables: the ssh client configuration says how to reach them.
   */
  static String inventory(Fleet fleet) {
    StringBuilder ini = new StringBuilder()
        .append("# Test fleet '").append(fleet.name()).append("' at Synnefo ").append(fleet.spec().release().tag())
        .append(" (scripts/fleet down ").append(fleet.name()).append(" removes it)\n");
    for (Role role : Role.values()) {
      ini.append('\n').append('[').append(role.group()).append("]\n");
      for (FleetHost host : fleet.hosts(role)) {
        ini.append(host.name());
        if (host.published()) {
          ini.append(" ansible_host=").append(FleetHost.ADDRESS)
              .append(" ansible_port=").append(host.sshPort())
              .append(" ansible_user=").append(FleetHost.USER)
              .append(" ansible_ssh_private_key_file=").append(fleet.privateKey());
        }
        ini.append('\n');
      }
    }
    // Where the databases are, as seen from astakos1 (the reconciler tunnels to them through it).
    ini.append("\n[astakos:vars]\n");
    for (FleetDatabase db : FleetDatabase.values()) {
      ini.append(db.service()).append("_db_url=").append(db.jdbcUrl()).append('\n')
          .append(db.service()).append("_db_user=").append(FleetDatabase.USER).append('\n')
          .append(db.service()).append("_db_password=").append(FleetDatabase.PASSWORD).append('\n');
    }
    return ini.toString();
  }

  static String knownHosts(Fleet fleet) {
    return fleet.bastion().map(b -> b.knownHostsLine() + "\n").orElse("")
        + fleet.hosts().stream().map(host -> host.knownHostsLine() + "\n").collect(Collectors.joining());
  }

  /** What an operator's ~/.ssh/config says of a fleet behind a jump host: ProxyJump to every other host. */
  static String sshConfig(Fleet fleet) {
    FleetBastion bastion = fleet.bastion().orElseThrow();
    return "# Test fleet '" + fleet.name() + "': its hosts are reached through " + bastion.name() + " only\n"
        + "Host " + bastion.name() + "\n"
        + "  HostName " + FleetHost.ADDRESS + "\n"
        + "  Port " + bastion.sshPort() + "\n"
        + "Host * !" + bastion.name() + "\n"
        + "  ProxyJump " + bastion.name() + "\n"
        + "Host *\n"
        + "  User " + FleetHost.USER + "\n"
        + "  IdentityFile " + fleet.privateKey() + "\n"
        + "  IdentitiesOnly yes\n"
        + "  UserKnownHostsFile " + fleet.knownHosts() + "\n"
        + "  StrictHostKeyChecking yes\n";
  }

  private static ObjectNode describe(Fleet fleet) {
    FleetSpec spec = fleet.spec();
    ObjectNode root = JSON.createObjectNode()
        .put("name", fleet.name())
        .put("release", spec.release().tag())
        .put("synnefoVersion", spec.release().synnefoVersion())
        .put("cyclades", spec.cyclades())
        .put("pithos", spec.pithos())
        .put("ganeti", spec.ganeti())
        .put("users", spec.users())
        .put("seed", spec.seed())
        .put("network", FleetDocker.networkName(fleet.name()))
        .put("inventory", fleet.inventory().toString())
        .put("privateKey", fleet.privateKey().toString())
        .put("knownHosts", fleet.knownHosts().toString())
        .put("bastion", spec.bastion());
    fleet.bastion().ifPresent(b -> root.putObject("bastionHost")
        .put("name", b.name())
        .put("container", b.container())
        .put("port", b.sshPort())
        .put("hostKey", b.hostKey()));
    ArrayNode hosts = root.putArray("hosts");
    for (FleetHost host : fleet.hosts()) {
      hosts.addObject()
          .put("name", host.name())
          .put("group", host.role().group())
          .put("container", host.container())
          .put("address", FleetHost.ADDRESS)
          .put("port", host.sshPort())
          .put("user", FleetHost.USER)
          .put("hostKey", host.hostKey());
    }
    return root;
  }

  /** Reads back a fleet that {@link #write} described in {@code dir}. */
  static Fleet read(Path dir) {
    Path description = dir.resolve(Fleet.DESCRIPTION);
    try {
      JsonNode root = JSON.readTree(description.toFile());
      FleetSpec spec = new FleetSpec(
          Release.parse(root.path("release").asText()),
          root.path("ganeti").asInt(),
          root.path("cyclades").asInt(),
          root.path("pithos").asInt(),
          root.path("users").asInt(),
          root.path("seed").asLong(),
          root.path("bastion").asBoolean(false));
      ImmutableList.Builder<FleetHost> hosts = ImmutableList.builder();
      for (JsonNode host : root.path("hosts")) {
        hosts.add(new FleetHost(
            host.path("name").asText(),
            Role.valueOf(host.path("group").asText().toUpperCase(java.util.Locale.ROOT)),
            host.path("container").asText(),
            host.path("port").asInt(),
            host.path("hostKey").asText()));
      }
      JsonNode b = root.path("bastionHost");
      Optional<FleetBastion> bastion = b.isMissingNode() ? Optional.empty() : Optional.of(new FleetBastion(
          b.path("name").asText(), b.path("container").asText(), b.path("port").asInt(), b.path("hostKey").asText()));
      return new Fleet(root.path("name").asText(), spec, dir, hosts.build(), bastion);
    } catch (NoSuchFileException e) {
      throw new FleetException("no fleet is described in " + dir + " (start one with scripts/fleet up)", e);
    } catch (IOException | RuntimeException e) {
      throw new FleetException("could not read " + description + ": " + e.getMessage(), e);
    }
  }
}
