package io.reconcile.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds ansible.cfg the way Ansible does (lib/ansible/config/manager.py, find_ini_config_file): the file
 * of $ANSIBLE_CONFIG (or ansible.cfg in it, if it names a directory), else ./ansible.cfg unless the current
 * directory is world-writable, else ~/.ansible.cfg, else /etc/ansible/ansible.cfg. Only the first found is
 * read.
 */
final class AnsibleConfigLocator {
  static final String ENV = "ANSIBLE_CONFIG";
  static final Path SYSTEM = Path.of("/etc/ansible/ansible.cfg");

  private AnsibleConfigLocator() {}

  static Optional<Path> find(Map<String, String> env, Path cwd, Path home) {
    Optional<Path> named = Optional.ofNullable(env.get(ENV)).filter(v -> !v.isBlank())
        .map(v -> v.startsWith("~/") ? home.resolve(v.substring(2)) : Path.of(v))
        .map(p -> Files.isDirectory(p) ? p.resolve("ansible.cfg") : p);
    Optional<Path> local = worldWritable(cwd) ? Optional.empty() : Optional.of(cwd.resolve("ansible.cfg"));
    return Stream.of(named, local, Optional.of(home.resolve(".ansible.cfg")), Optional.of(SYSTEM))
        .flatMap(Optional::stream)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static boolean worldWritable(Path dir) {
    try {
      return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
