package io.reconcile.fleet;

/**
 * One running host of a fleet.
 *
 * @param name inventory name (astakos1, cyclades1, ...)
 * @param container Docker container name (reconcile-FLEET-NAME)
 * @param sshPort port on 127.0.0.1 that is published to the host's port 22; {@value #NOT_PUBLISHED} for a
 *     host behind the fleet's bastion, which is reached by its name on the fleet's network, port 22
 * @param hostKey the host's ed25519 public key ("ssh-ed25519 AAAA...", no comment)
 */
public record FleetHost(String name, Role role, String container, int sshPort, String hostKey) {
  public static final String ADDRESS = "127.0.0.1";
  public static final String USER = "root";
  public static final int NOT_PUBLISHED = 0;

  public boolean published() {
    return sshPort != NOT_PUBLISHED;
  }

  /** The host's line in an OpenSSH known_hosts file: as 127.0.0.1:PORT, or by its name behind a bastion. */
  public String knownHostsLine() {
    return (published() ? "[" + ADDRESS + "]:" + sshPort : name) + " " + hostKey;
  }
}
