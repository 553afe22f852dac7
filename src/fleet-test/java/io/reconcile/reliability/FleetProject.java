package io.reconcile.reliability;

import io.reconcile.cli.ReconcileRun;
import io.reconcile.fleet.Fleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reconcile project against a running fleet: a copy of the fleet's inventory and known_hosts that a
 * test may change (a host moved to another port, a host key replaced, a variable added), its own
 * states/ and templates/, and a run history directory.
 */
final class FleetProject {
  final Path dir;
  final Path stateDir;

  FleetProject(Path dir, Fleet fleet) {
    this.dir = dir;
    this.stateDir = dir.resolve("state");
    try {
      Files.createDirectories(dir.resolve("states"));
      Files.createDirectories(dir.resolve("templates"));
      Files.copy(fleet.inventory(), inventory());
      Files.copy(fleet.knownHosts(), knownHosts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path inventory() {
    return dir.resolve("prod.ini");
  }

  Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** Replaces every state file with this one declaration file. */
  void declare(String yaml) {
    try (Stream<Path> old = Files.list(dir.resolve("states"))) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
      Files.writeString(dir.resolve("states/10-test.yml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void template(String name, String text) {
    write(dir.resolve("templates").resolve(name), text);
  }

  void appendInventory(String text) {
    write(inventory(), read(inventory()) + "\n" + text + "\n");
  }

  /** The host is reached as the unprivileged user `deploy`, through sudo (ansible_become). */
  void become(String host) {
    write(inventory(), read(inventory()).replaceAll("(?m)^(" + host + " [^\\n]*)ansible_user=root", "$1ansible_user=deploy ansible_become=true"));
  }

  /** The host's sshd is now published on {@code port} (a restarted container): inventory and known_hosts follow. */
  void hostMoved(String host, int port) {
    int old = port(host);
    write(inventory(), read(inventory()).replaceAll("(?m)^(" + host + " [^\\n]*ansible_port=)" + old + "\\b", "$1" + port));
    write(knownHosts(), read(knownHosts()).replace("[127.0.0.1]:" + old + " ", "[127.0.0.1]:" + port + " "));
  }

  /** known_hosts now holds {@code publicKey} ("ssh-ed25519 AAAA...") as the host's only key, as after `ssh-keygen -R` and a new scan. */
  void trustHostKey(String host, String publicKey) {
    String prefix = "[127.0.0.1]:" + port(host) + " ";
    List<String> lines = new ArrayList<>(read(knownHosts()).lines().filter(l -> !l.startsWith(prefix)).toList());
    lines.add(prefix + publicKey.strip());
    write(knownHosts(), String.join("\n", lines) + "\n");
  }

  int port(String host) {
    Matcher m = Pattern.compile("(?m)^" + host + " [^\\n]*ansible_port=(\\d+)").matcher(read(inventory()));
    if (!m.find()) {
      throw new IllegalStateException("no port for " + host + " in " + inventory());
    }
    return Integer.parseInt(m.group(1));
  }

  /** The command line of a run on this project (history under {@link #stateDir}, no progress unless asked), plus {@code flags}. */
  List<String> args(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", inventory().toString(), "--known-hosts", knownHosts().toString(),
        "--state-dir", stateDir.toString(), "--export-dir", dir.resolve("exports").toString()));
    if (!List.of(flags).contains("--progress")) {
      args.addAll(List.of("--progress", "none"));
    }
    args.addAll(List.of(flags));
    return args;
  }

  /** `reconcile` in this JVM. */
  ReconcileRun run(String... flags) {
    return ReconcileRun.of(args(flags));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
