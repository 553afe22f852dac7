package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetKeysTest {
  @TempDir
  Path dir;

  @Test
  void writesAnOpenSshKeyPairThatSshKeygenReads() throws Exception {
    FleetKeys keys = FleetKeys.generate(dir, "reconcile-fleet-t");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey()))).isEqualTo("rw-------");
    assertThat(Files.readString(keys.publicKey()).strip()).isEqualTo(keys.publicKeyLine());
    assertThat(keys.publicKeyLine()).startsWith("ssh-ed25519 AAAA").endsWith(" reconcile-fleet-t");
    // OpenSSH derives the public key from our private key file: both halves belong together.
    Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", keys.privateKey().toString()).start();
    String derived = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(keygen.waitFor()).isZero();
    assertThat(keys.publicKeyLine()).startsWith(FleetLauncher.withoutComment(derived));
  }

  @Test
  void everyFleetGetsItsOwnKey() {
    FleetKeys first = FleetKeys.generate(dir, "a");
    FleetKeys second = FleetKeys.generate(dir, "a");

    assertThat(second.publicKeyLine()).isNotEqualTo(first.publicKeyLine());
  }
}
