package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.ssh.SshFailure.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key file shared by many hosts is read once per run; an unusable one fails every host the same way. */
class PrivateKeysTest {
  @TempDir Path dir;

  private static SshTarget target(String name, Path key) {
    return new SshTarget(name, "127.0.0.1", 22, "root", Optional.of(key), false);
  }

  @Test
  void hostsSharingAKeyFileGetTheKeysReadOnce() throws Exception {
    Path key = TestKeys.generate(dir, "ed25519", "id_ed25519");
    PrivateKeys keys = new PrivateKeys();

    List<KeyPair> first = keys.forTarget(target("web1", key), List.of());
    Files.delete(key); // read once: later hosts of the run do not read the file again
    List<KeyPair> second = keys.forTarget(target("web2", dir.resolve(".").resolve("id_ed25519")), List.of());

    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1);
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThatThrownBy(() -> new PrivateKeys().forTarget(target("web3", key), List.of()))
        .isInstanceOfSatisfying(SshFailureException.class, e -> assertThat(e.failure().kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE))
        .hasMessageContaining("does not exist");
  }

  @Test
  void anUnusableKeyFileFailsEveryHostWithItsOwnName() throws Exception {
    Path garbage = Files.writeString(dir.resolve("id_garbage"), "not a key\n");
    PrivateKeys keys = new PrivateKeys();

    for (String host : List.of("db1", "db2")) {
      assertThatThrownBy(() -> keys.forTarget(target(host, garbage), List.of()))
          .isInstanceOfSatisfying(SshFailureException.class, e -> {
            assertThat(e.failure().kind()).isEqualTo(Kind.PRIVATE_KEY_UNUSABLE);
            assertThat(e.failure().host()).isEqualTo(host);
            assertThat(e.failure().message()).contains(garbage.toString());
          });
    }
  }
}
