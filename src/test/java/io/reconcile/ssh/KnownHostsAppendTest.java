package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New host keys are appended to known_hosts: with another writer appending at the same time (OpenSSH's
 * accept-new, ssh-keyscan >> known_hosts, which take no lock), no line of either is lost or torn.
 */
class KnownHostsAppendTest {
  @TempDir Path dir;

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void linesAppendedMeanwhileByAnotherProcessAreKeptAndOursWhole() throws Exception {
    Path file = dir.resolve("known_hosts");
    Files.writeString(file, "");
    Path key = TestKeys.generate(dir, "ed25519", "host_key");
    String publicKeyText = Files.readString(TestKeys.publicKeyFile(key)).strip();
    PublicKey hostKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicKeyText).resolvePublicKey(null, null, null);
    String theirKey = publicKeyText.split(" ")[0] + " " + publicKeyText.split(" ")[1];
    int theirs = 1500;
    int ours = 150;
    Process other = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + theirs + " ]; do i=$((i+1)); echo \"other-$i "
        + theirKey + "\" >> \"$0\"; done", file.toString()).inheritIO().start();
    while (Files.size(file) == 0) {
      Thread.onSpinWait(); // appending meanwhile
    }

    KnownHosts knownHosts = new KnownHosts(file, true);
    for (int i = 0; i < ours; i++) {
      assertThat(knownHosts.check("ours-" + i, 22, hostKey)).isEmpty();
    }
    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<String> lines = Files.readAllLines(file);
    String expectedTail = " " + PublicKeyEntry.toString(hostKey);
    Set<String> names = lines.stream().map(l -> l.split(" ")[0]).collect(Collectors.toSet());
    assertThat(lines).as("every line whole").allMatch(l -> l.matches("(other|ours)-[0-9]+ ssh-ed25519 [A-Za-z0-9+/=]+"));
    assertThat(names).as("no line lost").containsAll(IntStream.rangeClosed(1, theirs).mapToObj(i -> "other-" + i).toList())
        .containsAll(IntStream.range(0, ours).mapToObj(i -> "ours-" + i).toList());
    assertThat(lines).filteredOn(l -> l.startsWith("ours-")).allMatch(l -> l.endsWith(expectedTail));
  }
}
