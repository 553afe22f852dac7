package io.reconcile.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Client key files made by the real ssh-keygen, so tests load what operators really have. */
final class TestKeys {
  private TestKeys() {}

  /** An unencrypted OpenSSH-format private key {@code dir/name} (and {@code name.pub}) of the given type. */
  static Path generate(Path dir, String type, String name) {
    return keygen(dir.resolve(name), "", "-t", type);
  }

  static Path generateEncrypted(Path dir, String type, String name, String passphrase) {
    return keygen(dir.resolve(name), passphrase, "-t", type);
  }

  /** An RSA key in the old PEM format ({@code -----BEGIN RSA PRIVATE KEY-----}). */
  static Path generatePemRsa(Path dir, String name) {
    return keygen(dir.resolve(name), "", "-t", "rsa", "-b", "2048", "-m", "PEM");
  }

  static Path publicKeyFile(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  private static Path keygen(Path file, String passphrase, String... typeArgs) {
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", passphrase, "-C", "reconcile-test", "-f",
        file.toString()));
    command.addAll(List.of(typeArgs));
    run(command);
    return file;
  }

  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
