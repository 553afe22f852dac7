package io.reconcile.fleet;

/**
 * The jump host of a fleet whose hosts publish no port ({@link FleetSpec#bastion()}): the only container
 * with a port on 127.0.0.1; from it, the hosts are reached by name on the fleet's network.
 *
 * @param sshPort port on 127.0.0.1 published to its port 22
 * @param hostKey its ed25519 public key ("ssh-ed25519 AAAA...", no comment)
 */
public record FleetBastion(String name, String container, int sshPort, String hostKey) {
  public String knownHostsLine() {
    return "[" + FleetHost.ADDRESS + "]:" + sshPort + " " + hostKey;
  }
}
