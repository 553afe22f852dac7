package io.reconcile.inventory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach one host over SSH, as the inventory's connection variables say it: {@code ansible_host}
 * (default: the inventory name), {@code ansible_port}, {@code ansible_user},
 * {@code ansible_ssh_private_key_file} (resolved against the inventory file's directory),
 * {@code ansible_become}, and the bastion of {@code ansible_ssh_common_args}. What the inventory leaves
 * out comes from ansible.cfg, the ssh client configuration, then ssh's defaults (port 22, the local user).
 */
public record ConnectionSettings(String host, Optional<Integer> port, Optional<String> user,
    Optional<Path> privateKeyFile, boolean become, Optional<String> proxyJump) {}
