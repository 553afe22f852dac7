package io.reconcile.inventory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach one host over SSH, from Ansible's connection variables: {@code ansible_host}
 * (default: the inventory name), {@code ansible_port} (default 22), {@code ansible_user} (default:
 * the local user, as ssh does), {@code ansible_ssh_private_key_file} (resolved against the
 * inventory file's directory) and {@code ansible_become}.
 */
public record ConnectionSettings(String host, int port, String user, Optional<Path> privateKeyFile, boolean become) {}
