package io.reconcile.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach one host.
 *
 * @param name inventory name of the host, used in every message about it
 * @param host address or DNS name to connect to (Ansible's {@code ansible_host})
 * @param port SSH port, usually 22
 * @param user remote user (Ansible's {@code ansible_user})
 * @param privateKey private key file (Ansible's {@code ansible_ssh_private_key_file}); empty means the
 *     default {@code ~/.ssh/id_*} keys of {@link TransportOptions#defaultKeyFiles()}
 * @param become run every command through {@code sudo -n} (Ansible's {@code ansible_become})
 */
public record SshTarget(String name, String host, int port, String user, Optional<Path> privateKey, boolean become) {
  public SshTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(privateKey, "privateKey");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host of " + name + " is empty");
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("user of " + name + " is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port of " + name + " is out of range: " + port);
    }
  }
}
