package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
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

  /**
   * The keys a target logs in with: its own key file (which must be usable), then its IdentityFile keys
   * (missing or unusable ones skipped, as ssh does); only when it names neither, the default keys. Empty
   * when none can be read: an agent may still hold the key.
   */
  ImmutableList<KeyPair> forTarget(SshTarget target, List<Path> defaultKeyFiles) throws SshFailureException {
    ImmutableList.Builder<KeyPair> keys = ImmutableList.builder();
    if (target.privateKey().isPresent()) {
      try {
        keys.addAll(load(target.privateKey().get()));
      } catch (UnusableKeyException e) {
        throw new SshFailureException(new SshFailure(target.name(), Kind.PRIVATE_KEY_UNUSABLE, e.getMessage()), e);
      }
    }
    boolean named = target.privateKey().isPresent() || !target.options().identityFiles().isEmpty();
    for (Path file : named ? target.options().identityFiles() : defaultKeyFiles) {
      if (Files.exists(file)) {
        try {
          keys.addAll(load(file));
        } catch (UnusableKeyException e) {
          // A key we cannot use (e.g. encrypted) is skipped, as ssh skips keys it cannot unlock.
        }
      }
    }
    return keys.build();
  }

  /** The key files a target's login looks at, for messages. */
  static ImmutableList<Path> filesOf(SshTarget target, List<Path> defaultKeyFiles) {
    ImmutableList.Builder<Path> files = ImmutableList.builder();
    target.privateKey().ifPresent(files::add);
    files.addAll(target.privateKey().isEmpty() && target.options().identityFiles().isEmpty()
        ? defaultKeyFiles : target.options().identityFiles());
    return files.build();
  }

  /**
   * The public keys of these key files without their private halves: FILE.pub where it exists, as ssh
   * reads it to pick the agent's key (IdentitiesOnly) when the private key is not at hand.
   */
  static ImmutableList<PublicKey> publicKeysBeside(List<Path> files) {
    ImmutableList.Builder<PublicKey> keys = ImmutableList.builder();
    for (Path file : files) {
      Path pub = Path.of(file + ".pub");
      try {
        for (String line : Files.readAllLines(pub, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && !line.startsWith("#")) {
            keys.add(PublicKeyEntry.parsePublicKeyEntry(line.strip()).resolvePublicKey(null, Map.of(),
                PublicKeyEntryResolver.FAILING));
          }
        }
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        // No usable .pub beside the key: ssh then has nothing to match either.
      }
    }
    return keys.build();
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
