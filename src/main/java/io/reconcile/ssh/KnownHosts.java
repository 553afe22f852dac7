package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.HostKeyCheck.Rejection;
import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Host key policy over one OpenSSH known_hosts file: a host's key must match a line for that host
 * ({@code host}, {@code [host]:port}, wildcards and hashed {@code |1|} entries, as Mina's
 * {@link KnownHostEntry} matches them). A host the file does not name is refused, or in accept-new mode
 * trusted and appended; a key that differs from the known one is always refused.
 *
 * <p>The file is read at every verification (it is small, and other processes may append to it) and
 * appended under a lock so concurrent hosts never lose a line. The verdict, with the reason for a
 * rejection, goes to the connection's {@link HostKeyCheck}.
 */
final class KnownHosts implements ServerKeyVerifier {
  private final Path file;
  private final boolean acceptNew;

  KnownHosts(Path file, boolean acceptNew) {
    this.file = file;
    this.acceptNew = acceptNew;
  }

  /** Key types (e.g. {@code ssh-ed25519}) the file trusts for this host, to prefer them in key exchange. */
  synchronized ImmutableSet<String> keyTypesFor(String host, int port) {
    try {
      return entriesFor(parse(read()), host.toLowerCase(Locale.ROOT), port).stream()
          .filter(e -> e.marker().isEmpty())
          .map(e -> KeyUtils.getKeyType(e.key()))
          .collect(ImmutableSet.toImmutableSet());
    } catch (IOException e) {
      return ImmutableSet.of(); // verifyServerKey reports the unreadable file
    }
  }

  @Override
  public synchronized boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
    SshdSocketAddress address = SshdSocketAddress.toSshdSocketAddress(session.getConnectAddress());
    Optional<Rejection> rejection = verdict(address.getHostName().toLowerCase(Locale.ROOT), address.getPort(), serverKey);
    Optional<HostKeyCheck> attempt = HostKeyCheck.of(session);
    if (rejection.isPresent()) {
      attempt.ifPresent(a -> a.reject(rejection.get()));
      return false;
    }
    attempt.ifPresent(HostKeyCheck::trust);
    return true;
  }

  private Optional<Rejection> verdict(String host, int port, PublicKey serverKey) {
    try {
      return check(host, port, serverKey);
    } catch (IOException | RuntimeException e) {
      return Optional.of(new Rejection(Kind.HOST_KEY_UNKNOWN, "cannot use known_hosts " + file + ": " + e));
    }
  }

  private Optional<Rejection> check(String host, int port, PublicKey serverKey) throws IOException {
    if (!acceptNew) {
      return judge(parse(read()), host, port, serverKey, () -> Optional.of(new Rejection(Kind.HOST_KEY_UNKNOWN,
          "host key for " + hostKeyName(host, port) + " is not in known_hosts " + file
              + "; use --accept-new-host-keys to trust it (server offered " + describe(serverKey) + ")")));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // Judge and append under the file lock, so that of two processes meeting a new host only one appends
    // it and the other then checks against that line. The JVM lock (synchronized) orders our threads.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
         FileLock lock = channel.lock()) {
      // Read through the locked channel: on Linux, closing any other descriptor of the file drops the lock.
      String content = readAll(channel);
      return judge(parse(content), host, port, serverKey, () -> {
        append(channel, content, hostKeyName(host, port) + " " + PublicKeyEntry.toString(serverKey));
        return Optional.empty();
      });
    }
  }

  private interface UnknownHost {
    Optional<Rejection> decide() throws IOException;
  }

  /** The verdict of the file's lines on the key; {@code unknown} decides when no line names the host. */
  private Optional<Rejection> judge(ImmutableList<Line> lines, String host, int port, PublicKey serverKey,
      UnknownHost unknown) throws IOException {
    String name = hostKeyName(host, port);
    ImmutableList<Line> known = entriesFor(lines, host, port);
    for (Line line : known) {
      if (line.marker().equals("revoked") && KeyUtils.compareKeys(line.key(), serverKey)) {
        return Optional.of(new Rejection(Kind.HOST_KEY_REVOKED, "host key " + describe(serverKey) + " of " + name
            + " is marked @revoked in " + file + ":" + line.number()));
      }
    }
    ImmutableList<Line> trusted = known.stream().filter(l -> l.marker().isEmpty()).collect(ImmutableList.toImmutableList());
    if (trusted.stream().anyMatch(l -> KeyUtils.compareKeys(l.key(), serverKey))) {
      return Optional.empty();
    }
    if (trusted.isEmpty()) {
      return unknown.decide();
    }
    // Key exchange prefers the known key types (HostKeyPreference), so a server that offers another key,
    // even of another type, no longer has the key we trust.
    Line expected = trusted.stream()
        .filter(l -> KeyUtils.getKeyType(l.key()).equals(KeyUtils.getKeyType(serverKey)))
        .findFirst()
        .orElse(trusted.get(0));
    return Optional.of(new Rejection(Kind.HOST_KEY_CHANGED, "host key for " + name + " has CHANGED: server offered "
        + describe(serverKey) + " but " + file + ":" + expected.number() + " has " + describe(expected.key())
        + "; possible man-in-the-middle attack! If the host was reinstalled, remove line " + expected.number()
        + " of " + file + " after checking the new key"));
  }

  private static void append(FileChannel channel, String content, String line) throws IOException {
    String separator = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
    ByteBuffer bytes = ByteBuffer.wrap((separator + line + "\n").getBytes(StandardCharsets.UTF_8));
    long end = channel.size();
    while (bytes.hasRemaining()) {
      end += channel.write(bytes, end);
    }
    channel.force(false);
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
  }

  private static String readAll(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    long position = 0;
    while (buffer.hasRemaining() && channel.read(buffer, position) > 0) {
      position = buffer.position();
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private String read() throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** One usable known_hosts line. Unparseable lines are skipped, as OpenSSH does. */
  private record Line(int number, String marker, KnownHostEntry entry, PublicKey key) {}

  private static ImmutableList<Line> parse(String content) {
    ImmutableList.Builder<Line> lines = ImmutableList.builder();
    String[] raw = content.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i].strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(text);
        PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        String marker = Optional.ofNullable(entry.getMarker()).orElse("");
        lines.add(new Line(i + 1, marker, entry, key));
      } catch (Exception e) {
        // Not a line we can use (unknown key type, garbage): OpenSSH ignores such lines too.
      }
    }
    return lines.build();
  }

  /** Lines for the host; {@code host} is in lower case, as OpenSSH matches and hashes host names. */
  private static ImmutableList<Line> entriesFor(ImmutableList<Line> lines, String host, int port) {
    return lines.stream()
        .filter(l -> !l.marker().equals("cert-authority")) // host certificates are not supported
        .filter(l -> l.entry().isHostMatch(host, port))
        .collect(ImmutableList.toImmutableList());
  }

  static String hostKeyName(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }
}
