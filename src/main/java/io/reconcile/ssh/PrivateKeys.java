package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads the key pairs a host authenticates with (OpenSSH, PEM or PKCS#8 files, via Mina's parsers). Each
 * file is read once per run, however many hosts use it: reading an ed25519 key derives its public key,
 * which cost as much CPU as a signature for every host (docs/benchmarks.md).
 */
final class PrivateKeys {
  /** A file's keys, or why it cannot be used. */
  private record Loaded(ImmutableList<KeyPair> keys, Optional<String> unusable) {}

  private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

  /** The target's own key file, or else every usable default key. */
  ImmutableList<KeyPair> forTarget(SshTarget target, List<Path> defaultKeyFiles) throws SshFailureException {
    if (target.privateKey().isPresent()) {
      try {
        return load(target.privateKey().get());
      } catch (UnusableKeyException e) {
        throw new SshFailureException(new SshFailure(target.name(), Kind.PRIVATE_KEY_UNUSABLE, e.getMessage()), e);
      }
    }
    ImmutableList.Builder<KeyPair> keys = ImmutableList.builder();
    for (Path file : defaultKeyFiles) {
      if (Files.exists(file)) {
        try {
          keys.addAll(load(file));
        } catch (UnusableKeyException e) {
          // A default key we cannot use (e.g. encrypted) is skipped, as ssh skips keys it cannot unlock.
        }
      }
    }
    ImmutableList<KeyPair> found = keys.build();
    if (found.isEmpty()) {
      throw new SshFailureException(new SshFailure(target.name(), Kind.PRIVATE_KEY_UNUSABLE,
          "no private key file given for the host and none of the default keys is usable: "
              + defaultKeyFiles.stream().map(Path::toString).collect(Collectors.joining(", "))));
    }
    return found;
  }

  /** Reads the file now, so that the first host that needs it does not wait (failures are kept too). */
  void readAhead(Path file) {
    loaded.computeIfAbsent(file.toAbsolutePath().normalize(), key -> read(file));
  }

  /** The keys of the file, read on first use (concurrent first uses wait for one read). */
  private ImmutableList<KeyPair> load(Path file) throws UnusableKeyException {
    Loaded keys = loaded.computeIfAbsent(file.toAbsolutePath().normalize(), key -> read(file));
    if (keys.unusable().isPresent()) {
      throw new UnusableKeyException(keys.unusable().get());
    }
    return keys.keys();
  }

  private static Loaded read(Path file) {
    try {
      return new Loaded(parse(file), Optional.empty());
    } catch (UnusableKeyException e) {
      return new Loaded(ImmutableList.of(), Optional.of(e.getMessage()));
    }
  }

  private static ImmutableList<KeyPair> parse(Path file) throws UnusableKeyException {
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
          null, NamedResource.ofName(file.toString()), in, refusePassphrase(file));
      ImmutableList<KeyPair> keys = pairs == null ? ImmutableList.of() : ImmutableList.copyOf(pairs);
      if (keys.isEmpty()) {
        throw new UnusableKeyException("private key file " + file + " holds no key in a known format");
      }
      return keys;
    } catch (EncryptedKeyException e) {
      throw new UnusableKeyException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UnusableKeyException("private key file " + file + " does not exist");
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new UnusableKeyException("cannot read private key file " + file + ": " + e);
    }
  }

  // Mina asks for a passphrase only when the key is encrypted; we have no one to ask.
  private static FilePasswordProvider refusePassphrase(Path file) {
    return (session, resource, retry) -> {
      throw new EncryptedKeyException("private key file " + file + " is encrypted with a passphrase, which is not "
          + "supported: use a key without passphrase (e.g. a decrypted copy: ssh-keygen -p -N '' -f COPY)");
    };
  }

  static final class UnusableKeyException extends Exception {
    UnusableKeyException(String message) {
      super(message);
    }
  }

  private static final class EncryptedKeyException extends IOException {
    EncryptedKeyException(String message) {
      super(message);
    }
  }
}
