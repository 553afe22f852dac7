package io.reconcile.fleet;

/**
 * One running host of a fleet.
 *
 * @param name inventory name (astakos1, cyclades1, ...)
 * @param container Docker container name (reconcile-FLEET-NAME)
 * @param sshPort port on 127.0.0.1 that is published to the host's port 22
 * @param hostKey the host's ed25519 public key ("ssh-ed25519 AAAA...", no comment)
 */
public record FleetHost(String name, Role role, String container, int sshPort, String hostKey) {
  public static final String ADDRESS = "127.0.0.1";
  public static final String USER = "root";

  /** The host's line in an OpenSSH known_hosts file. */
  public String knownHostsLine() {
    return "[" + ADDRESS + "]:" + sshPort + " " + hostKey;
  }
}
