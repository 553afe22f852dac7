package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running ssh-agent (OpenSSH's, or any that speaks its protocol) over its Unix domain socket,
 * with the JDK's own socket channels: no native library. Mina's {@link AbstractAgentProxy} encodes the
 * requests and decodes the answers; this class only carries them. Private keys stay in the agent: it is
 * asked for public keys and for signatures. Requests and answers are bounded in time, so a hung agent
 * fails the login instead of blocking Mina's I/O thread.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
  /** OpenSSH's agent refuses messages over 256 KiB; so do we. */
  private static final int MAX_MESSAGE = 256 * 1024;

  private final Path socket;
  private final SocketChannel channel;
  private final Selector selector;
  private final Duration timeout;
  private final Predicate<PublicKey> offered;

  private UnixSocketAgent(Path socket, SocketChannel channel, Selector selector, Duration timeout,
      Predicate<PublicKey> offered) {
    super(null);
    this.socket = socket;
    this.channel = channel;
    this.selector = selector;
    this.timeout = timeout;
    this.offered = offered;
  }

  /**
   * Connects to the agent.
   *
   * @param offered which of the agent's keys to offer to servers (IdentitiesOnly narrows them)
   */
  static UnixSocketAgent connect(Path socket, Duration timeout, Predicate<PublicKey> offered) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      Selector selector = Selector.open();
      return new UnixSocketAgent(socket, channel, selector, timeout, offered);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path socket() {
    return socket;
  }

  /** The agent's keys that may be offered. */
  ImmutableList<PublicKey> offeredKeys() throws IOException {
    ImmutableList.Builder<PublicKey> keys = ImmutableList.builder();
    getIdentities().forEach(e -> keys.add(e.getKey()));
    return keys.build();
  }

  @Override
  public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
    return ImmutableList.copyOf(super.getIdentities()).stream().filter(e -> offered.test(e.getKey()))
        .collect(ImmutableList.toImmutableList());
  }

  /** Sends one prepared request (length already in front) and returns the answer after its length. */
  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) {
      if (channel.write(out) == 0) {
        await(SelectionKey.OP_WRITE, deadline);
      }
    }
    ByteBuffer length = read(4, deadline);
    int size = length.getInt(0);
    if (size <= 0 || size > MAX_MESSAGE) {
      throw new SshException("ssh-agent at " + socket + " answered with a message of " + size + " bytes");
    }
    return new ByteArrayBuffer(read(size, deadline).array());
  }

  private ByteBuffer read(int size, long deadline) throws IOException {
    ByteBuffer in = ByteBuffer.allocate(size);
    while (in.hasRemaining()) {
      int n = channel.read(in);
      if (n < 0) {
        throw new SshException("ssh-agent at " + socket + " closed the connection");
      }
      if (n == 0) {
        await(SelectionKey.OP_READ, deadline);
      }
    }
    return in;
  }

  private void await(int operation, long deadline) throws IOException {
    long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    SelectionKey key = channel.register(selector, operation);
    int ready = left == 0 ? 0 : selector.select(left);
    key.interestOps(0);
    selector.selectedKeys().clear();
    if (ready == 0) {
      throw new SshException("ssh-agent at " + socket + " did not answer within " + Durations.describe(timeout));
    }
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    try (selector; channel) {
      super.close();
    }
  }

  @Override
  public String toString() {
    return "ssh-agent at " + socket;
  }
}
