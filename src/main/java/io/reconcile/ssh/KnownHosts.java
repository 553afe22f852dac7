package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.HostKeyCheck.Rejection;
import io.reconcile.ssh.KnownHostLines.Line;
import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Host key policy over one OpenSSH known_hosts file: a host's key must match a line for that host
 * ({@code host}, {@code [host]:port}, wildcards and hashed {@code |1|} entries, as Mina's
 * {@code KnownHostEntry} matches them). A host the file does not name is refused, or in accept-new mode
 * trusted and appended; a key that differs from the known one is always refused.
 *
 * <p>The file is looked at for every verification (other processes may append to it) and appended under a
 * lock so concurrent hosts never lose a line. It is read and parsed again only when it changed (size,
 * modification time, inode): a fleet of N hosts has an N-line file, and reading and parsing it for every
 * host made a run cost O(N^2) (docs/benchmarks.md). The verdict, with the reason for a rejection, goes to
 * the connection's {@link HostKeyCheck}.
 */
final class KnownHosts {
  private final Path file;
  private final boolean acceptNew;
  private Snapshot snapshot = new Snapshot(Optional.empty(), "", KnownHostLines.EMPTY); // guarded by this

  /** The file as last read: its stamp (empty when read through a channel or missing), content and lines. */
  private record Snapshot(Optional<FileStamp> stamp, String content, KnownHostLines lines) {}

  /** What tells that a file changed without reading it. */
  private record FileStamp(long size, FileTime modified, Object fileKey) {
    static Optional<FileStamp> of(Path file) throws IOException {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return Optional.of(new FileStamp(a.size(), a.lastModifiedTime(), a.fileKey()));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }
  }

  Path file() {
    return file;
  }

  KnownHosts(Path file, boolean acceptNew) {
    this.file = file;
    this.acceptNew = acceptNew;
  }

  /** Key types (e.g. {@code ssh-ed25519}) the file trusts for this host, to prefer them in key exchange. */
  synchronized ImmutableSet<String> keyTypesFor(String host, int port) {
    try {
      return current().forHost(host.toLowerCase(Locale.ROOT), port).stream()
          .filter(e -> e.marker().isEmpty())
          .map(e -> KeyUtils.getKeyType(e.key()))
          .collect(ImmutableSet.toImmutableSet());
    } catch (IOException e) {
      return ImmutableSet.of(); // verifyServerKey reports the unreadable file
    }
  }

  /** Judges the key the server offered for the check's host, and leaves the verdict in the check. */
  synchronized boolean verify(HostKeyCheck check, PublicKey serverKey) {
    Optional<Rejection> rejection = verdict(check.host(), check.port(), serverKey);
    if (rejection.isPresent()) {
      check.reject(rejection.get());
      return false;
    }
    check.trust();
    return true;
  }

  private Optional<Rejection> verdict(String host, int port, PublicKey serverKey) {
    try {
      return check(host, port, serverKey);
    } catch (IOException | RuntimeException e) {
      return Optional.of(new Rejection(Kind.HOST_KEY_UNKNOWN, "cannot use known_hosts " + file + ": " + e));
    }
  }

  Optional<Rejection> check(String host, int port, PublicKey serverKey) throws IOException {
    if (!acceptNew) {
      return judge(current(), host, port, serverKey, () -> Optional.of(new Rejection(Kind.HOST_KEY_UNKNOWN,
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
      return judge(lines(Optional.empty(), content), host, port, serverKey, () -> {
        append(channel, hostKeyName(host, port) + " " + PublicKeyEntry.toString(serverKey));
        return Optional.empty();
      });
    }
  }

  private interface UnknownHost {
    Optional<Rejection> decide() throws IOException;
  }

  /** The verdict of the file's lines on the key; {@code unknown} decides when no line names the host. */
  private Optional<Rejection> judge(KnownHostLines lines, String host, int port, PublicKey serverKey,
      UnknownHost unknown) throws IOException {
    String name = hostKeyName(host, port);
    ImmutableList<Line> known = lines.forHost(host, port);
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

  /**
   * Appends with O_APPEND, in one write: other writers (OpenSSH's accept-new, ssh-keyscan >>) take no lock,
   * and a write at an offset read before could land on a line one of them appended meanwhile. The
   * separator follows the file's last byte as it is now, not as it was read. The append channel is closed
   * last: closing a descriptor of the file ends the process's lock on it.
   */
  private void append(FileChannel locked, String line) throws IOException {
    long size = locked.size();
    ByteBuffer last = ByteBuffer.allocate(1);
    boolean newline = size == 0 || (locked.read(last, size - 1) == 1 && last.get(0) == '\n');
    byte[] bytes = ((newline ? "" : "\n") + line + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel appending = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        appending.write(buffer);
      }
      appending.force(false);
    }
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

  /** The file's lines, read again only when its stamp changed since the last read. */
  private KnownHostLines current() throws IOException {
    Optional<FileStamp> stamp = FileStamp.of(file);
    if (stamp.isPresent() && stamp.equals(snapshot.stamp())) {
      return snapshot.lines();
    }
    return lines(stamp, stamp.isPresent() ? Files.readString(file, StandardCharsets.UTF_8) : "");
  }

  /** The lines of {@code content}, parsed again only when it differs from the last content. */
  private KnownHostLines lines(Optional<FileStamp> stamp, String content) {
    KnownHostLines lines = snapshot.content().equals(content) ? snapshot.lines() : KnownHostLines.parse(content);
    snapshot = new Snapshot(stamp, content, lines);
    return lines;
  }

  static String hostKeyName(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }
}
