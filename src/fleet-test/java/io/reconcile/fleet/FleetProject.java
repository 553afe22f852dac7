package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.ReconcileProcess;
import io.reconcile.cli.ReconcileRun;
import io.reconcile.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reconcile project against a running fleet: a copy of the fleet's inventory and known_hosts that a
 * test may change (a host moved to another port, a host key replaced, a variable added), its own
 * states/ and templates/, a run history directory and an export directory. Runs go through the command
 * line, in this JVM or in one of their own.
 */
public final class FleetProject {
  private static final Duration OWN_JVM_LIMIT = Duration.ofMinutes(10);

  private final Path dir;

  public FleetProject(Path dir, Fleet fleet) {
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("states"));
      Files.createDirectories(dir.resolve("templates"));
      Files.copy(fleet.inventory(), inventory());
      Files.copy(fleet.knownHosts(), knownHosts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** The run history's directory ({@code --state-dir}). */
  public Path stateDir() {
    return dir.resolve("state");
  }

  public Path inventory() {
    return dir.resolve("prod.ini");
  }

  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** Replaces every state file with this one declaration file. */
  public void declare(String yaml) {
    try (Stream<Path> old = Files.list(dir.resolve("states"))) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state("10-test.yml", yaml);
  }

  /** Writes (or replaces) one file of states/. */
  public void state(String name, String yaml) {
    ProjectFiles.write(dir.resolve("states").resolve(name), yaml);
  }

  public void template(String name, String text) {
    ProjectFiles.write(dir.resolve("templates").resolve(name), text);
  }

  public void appendInventory(String text) {
    ProjectFiles.write(inventory(), ProjectFiles.read(inventory()) + "\n" + text + "\n");
  }

  /** The host is reached as the unprivileged user `deploy`, through sudo (ansible_become). */
  public void become(String host) {
    ProjectFiles.write(inventory(), ProjectFiles.read(inventory())
        .replaceAll("(?m)^(" + host + " [^\\n]*)ansible_user=root", "$1ansible_user=deploy ansible_become=true"));
  }

  /** The host's sshd is now published on {@code port} (a restarted container): inventory and known_hosts follow. */
  public void hostMoved(String host, int port) {
    int old = port(host);
    ProjectFiles.write(inventory(), ProjectFiles.read(inventory())
        .replaceAll("(?m)^(" + host + " [^\\n]*ansible_port=)" + old + "\\b", "$1" + port));
    ProjectFiles.write(knownHosts(), ProjectFiles.read(knownHosts())
        .replace("[127.0.0.1]:" + old + " ", "[127.0.0.1]:" + port + " "));
  }

  /** known_hosts now holds {@code publicKey} ("ssh-ed25519 AAAA...") as the host's only key, as after `ssh-keygen -R` and a new scan. */
  public void trustHostKey(String host, String publicKey) {
    String prefix = "[127.0.0.1]:" + port(host) + " ";
    List<String> lines = new ArrayList<>(ProjectFiles.read(knownHosts()).lines().filter(l -> !l.startsWith(prefix)).toList());
    lines.add(prefix + publicKey.strip());
    ProjectFiles.write(knownHosts(), String.join("\n", lines) + "\n");
  }

  public int port(String host) {
    Matcher m = Pattern.compile("(?m)^" + host + " [^\\n]*ansible_port=(\\d+)").matcher(ProjectFiles.read(inventory()));
    if (!m.find()) {
      throw new IllegalStateException("no port for " + host + " in " + inventory());
    }
    return Integer.parseInt(m.group(1));
  }

  /** The command line of a run on this project (history under {@link #stateDir}, no progress unless asked), plus {@code flags}. */
  public List<String> args(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", inventory().toString(), "--known-hosts", knownHosts().toString(),
        "--state-dir", stateDir().toString(), "--export-dir", dir.resolve("exports").toString()));
    if (!List.of(flags).contains("--progress")) {
      args.addAll(List.of("--progress", "none"));
    }
    args.addAll(List.of(flags));
    return args;
  }

  /** `reconcile` in this JVM. */
  public ReconcileRun run(String... flags) {
    return ReconcileRun.of(args(flags));
  }

  /**
   * `reconcile` as a process of its own, working in this project's directory: its output exactly as an
   * operator sees it, which never holds the fleet's database password.
   */
  public ReconcileRun runInOwnJvm(String... flags) {
    ReconcileProcess process = ReconcileProcess.start(dir, args(flags));
    int code = process.waitFor(OWN_JVM_LIMIT);
    assertThat(process.out() + process.err()).as("no credentials in any output").doesNotContain(FleetDatabase.PASSWORD);
    return new ReconcileRun(code, process.out(), process.err());
  }
}
