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
 * @param options what OpenSSH's client configuration adds: more keys, the agent, host key files, bastions
 */
public record SshTarget(String name, String host, int port, String user, Optional<Path> privateKey, boolean become,
    SshOptions options) {
  /** A host reached directly with the run's defaults. */
  public SshTarget(String name, String host, int port, String user, Optional<Path> privateKey, boolean become) {
    this(name, host, port, user, privateKey, become, SshOptions.NONE);
  }

  public SshTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
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

  public SshTarget withOptions(SshOptions changed) {
    return new SshTarget(name, host, port, user, privateKey, become, changed);
  }

  /** {@code user@host:port}, how messages name where a bastion or host was reached. */
  public String address() {
    return user + "@" + host + ":" + port;
  }
}
