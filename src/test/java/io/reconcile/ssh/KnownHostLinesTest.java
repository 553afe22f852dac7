package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.KnownHostLines.Line;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;

/**
 * The host index of a known_hosts content finds exactly the lines that matching every line with Mina's
 * {@link KnownHostEntry#isHostMatch} finds, for every kind of host field OpenSSH writes or reads.
 */
class KnownHostLinesTest {
  private static final String KEY = key();

  @Test
  void findsWhatMatchingEveryLineFinds() throws Exception {
    String content = String.join("\n",
        "# comment",
        "db1 " + KEY,
        "[db1]:2222 " + KEY,
        "[DB2.Example.org]:2200,db2.example.org " + KEY,
        "[127.0.0.1]:22 " + KEY,
        "127.0.0.1 " + KEY,
        "web* " + KEY,
        "[web?.example.org]:2222 " + KEY,
        "*.example.org,!secret.example.org " + KEY,
        "@revoked db3 " + KEY,
        "@cert-authority *.example.org " + KEY,
        hashed("db4", 22) + " " + KEY,
        hashed("db4", 2222) + " " + KEY,
        "garbage line",
        "db5 ssh-unknown AAAA",
        "");
    KnownHostLines lines = KnownHostLines.parse(content);
    List<Line> every = allLines(content);

    for (String host : List.of("db1", "db2.example.org", "127.0.0.1", "web1", "web1.example.org", "secret.example.org",
        "other.example.org", "db3", "db4", "db5", "nowhere")) {
      for (int port : List.of(22, 2200, 2222, 2223)) {
        List<Integer> expected = every.stream()
            .filter(l -> !l.marker().equals("cert-authority"))
            .filter(l -> l.entry().isHostMatch(host, port))
            .map(Line::number).toList();
        assertThat(lines.forHost(host, port)).as(host + ":" + port).extracting(Line::number).isEqualTo(expected);
      }
    }
    assertThat(lines.forHost("db1", 22)).extracting(Line::number).containsExactly(2);
    assertThat(lines.forHost("db2.example.org", 2200)).extracting(Line::number).containsExactly(4);
    assertThat(lines.forHost("db2.example.org", 22)).extracting(Line::number).containsExactly(4, 9);
    assertThat(lines.forHost("db4", 2222)).extracting(Line::number).containsExactly(13);
  }

  @Test
  void aLineNamingTheSameHostTwiceIsFoundOnce() {
    KnownHostLines lines = KnownHostLines.parse("db1,DB1,[db1]:22 " + KEY + "\n");

    assertThat(lines.forHost("db1", 22)).extracting(Line::number).containsExactly(1);
  }

  @Test
  void manyHostsEachFindTheirOwnLine() {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      content.append("[10.0.").append(i / 250).append('.').append(i % 250).append("]:").append(2000 + i).append(' ')
          .append(KEY).append('\n');
    }
    KnownHostLines lines = KnownHostLines.parse(content.toString());

    for (int i = 0; i < 500; i++) {
      assertThat(lines.forHost("10.0." + (i / 250) + "." + (i % 250), 2000 + i)).extracting(Line::number).containsExactly(i + 1);
    }
    assertThat(lines.forHost("10.0.0.1", 2000)).isEmpty();
  }

  /** Every line the old code considered: each parseable line, in order, with Mina's entry. */
  private static List<Line> allLines(String content) throws Exception {
    List<Line> lines = new ArrayList<>();
    String[] raw = content.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i].strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(text);
        lines.add(new Line(i + 1, entry.getMarker() == null ? "" : entry.getMarker(), entry,
            entry.getKeyEntry().resolvePublicKey(null, null)));
      } catch (Exception e) {
        // skipped, as KnownHostLines skips it
      }
    }
    return lines;
  }

  /** A hashed host field as `ssh-keygen -H` writes it. */
  private static String hashed(String host, int port) throws Exception {
    KnownHostHashValue value = new KnownHostHashValue();
    value.setDigester(KnownHostHashValue.DEFAULT_DIGEST);
    byte[] salt = new byte[20];
    new java.security.SecureRandom().nextBytes(salt);
    value.setSaltValue(salt);
    value.setDigestValue(KnownHostHashValue.calculateHashValue(host, port, KnownHostHashValue.DEFAULT_DIGEST, salt));
    return value.toString();
  }

  private static String key() {
    try {
      KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      return PublicKeyEntry.toString(pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
