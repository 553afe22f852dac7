package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.SecretMasker;
import io.reconcile.testing.EmbeddedSshServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A project for command-line tests: two hosts web1 and web2 (embedded SSH servers running /bin/sh here),
 * each with its own directory of files under {@code etc/HOST/}, an inventory with a secret variable
 * ({@value #SECRET}), and states: an app config on each host (template, rendering the secret) and a quota
 * file on web1 only, tagged {@code quota}.
 */
final class CliProject implements AutoCloseable {
  static final String SECRET = "tok-Secret-123";

  final Path dir;
  final Path stateDir;
  final EmbeddedSshServer web1;
  final EmbeddedSshServer web2;

  record Run(int code, String out, String err) {}

  CliProject(Path dir) throws Exception {
    this.dir = dir;
    this.stateDir = dir.resolve("state");
    Files.createDirectories(dir);
    Path key = dir.resolve("id_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-N", "", "-t", "ed25519", "-f", key.toString()).start();
    assertThat(keygen.waitFor()).isZero();
    web1 = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start();
    web2 = EmbeddedSshServer.builder().authorizedKey(EmbeddedSshServer.readPublicKey(Path.of(key + ".pub"))).start();
    web1.writeKnownHosts(dir.resolve("known_hosts"));
    web2.writeKnownHosts(dir.resolve("known_hosts"));
    Files.createDirectories(etc("web1"));
    Files.createDirectories(etc("web2"));
    Files.createDirectories(dir.resolve("states"));
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/app.conf.ftl"), "HOST = '${inventory_hostname}'\nTOKEN = '${service_token}'\n");
    Files.writeString(dir.resolve("states/10-app.yml"), """
        resources:
          - file: ETC/web1/app.conf
            hosts: web1
            template: app.conf.ftl
          - file: ETC/web2/app.conf
            hosts: web2
            template: app.conf.ftl
        """.replace("ETC", dir.resolve("etc").toString()));
    Files.writeString(dir.resolve("states/20-quota.yml"), """
        tags: [quota]
        resources:
          - file: ETC/web1/quota.conf
            hosts: web1
            content: "QUOTA = 10\\n"
        """.replace("ETC", dir.resolve("etc").toString()));
    inventory(web2.port());
  }

  Path etc(String host) {
    return dir.resolve("etc").resolve(host);
  }

  /** Points web2 at {@code port} (a closed port makes it unreachable). */
  void inventory(int web2Port) throws IOException {
    Files.writeString(dir.resolve("prod.ini"), """
        [web]
        web1 ansible_host=127.0.0.1 ansible_port=%d
        web2 ansible_host=127.0.0.1 ansible_port=%d
        [all:vars]
        ansible_user=deploy
        ansible_ssh_private_key_file=id_ed25519
        service_token=%s
        """.formatted(web1.port(), web2Port, SECRET));
  }

  /** `reconcile` on this project's inventory, known hosts and state directory, with {@code flags}. */
  Run reconcile(String... flags) {
    List<String> args = new ArrayList<>(List.of("--inventory", dir.resolve("prod.ini").toString(),
        "--known-hosts", dir.resolve("known_hosts").toString(), "--state-dir", stateDir.toString()));
    args.addAll(List.of(flags));
    return run(args.toArray(String[]::new));
  }

  /** The command line exactly as given. */
  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<SecretMasker> masker = new AtomicReference<>(SecretMasker.byMeaning());
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        masker::set);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    web1.close();
    web2.close();
  }
}
