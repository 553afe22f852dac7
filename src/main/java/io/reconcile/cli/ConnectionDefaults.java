package io.reconcile.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Connection settings for hosts whose inventory leaves them out, as ansible.cfg gives them ([defaults]
 * remote_user, remote_port, private_key_file; [ssh_connection] ssh_common_args' bastion). Like Ansible's
 * ssh options they win over the ssh client configuration.
 */
record ConnectionDefaults(Optional<String> user, Optional<Integer> port, Optional<Path> privateKeyFile,
    Optional<String> proxyJump) {
  static final ConnectionDefaults NONE = new ConnectionDefaults(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());
}
