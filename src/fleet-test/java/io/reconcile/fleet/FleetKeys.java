package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** The fleet's login key: one ed25519 key pair per fleet, written in OpenSSH format. */
record FleetKeys(Path privateKey, Path publicKey, String publicKeyLine) {

  /** Generates a new key pair into {@code dir}/id_ed25519 (mode 0600) and id_ed25519.pub. */
  static FleetKeys generate(Path dir, String comment) {
    try {
      KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, privateKey);
      String publicKeyLine = PublicKeyEntry.toString(pair.getPublic()) + " " + comment;

      Path privatePath = dir.resolve("id_ed25519");
      Files.deleteIfExists(privatePath);
      // Created 0600 from the start: ssh refuses keys that others can read.
      Files.createFile(privatePath, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(privatePath, privateKey.toByteArray());
      Path publicPath = dir.resolve("id_ed25519.pub");
      Files.writeString(publicPath, publicKeyLine + "\n", UTF_8);
      return new FleetKeys(privatePath, publicPath, publicKeyLine);
    } catch (IOException | GeneralSecurityException e) {
      throw new FleetException("could not create the fleet key in " + dir + ": " + e.getMessage(), e);
    }
  }
}
