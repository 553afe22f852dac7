package io.reconcile.testing;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * An in-process SSH server on 127.0.0.1 (random port) for transport tests without Docker: a fresh ed25519
 * host key (optionally RSA too), public-key auth for the given keys only, exec requests run for real as
 * {@code /bin/sh -c <command>} (stdin, stdout, stderr and exit status wired through; a "signal" request
 * or a closed channel kills the process and its children), and direct-tcpip forwarding to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (EmbeddedSshServer server = EmbeddedSshServer.builder().authorizedKey(clientKey).start()) {
 *   server.writeKnownHosts(knownHostsFile);
 *   ... connect to 127.0.0.1:server.port() ...
 * }
 * }</pre>
 */
public final class EmbeddedSshServer implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  private final SshServer server;
  private final ImmutableList<KeyPair> hostKeys;
  private final List<String> receivedCommands = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessionsCreated = new AtomicInteger();

  private EmbeddedSshServer(Builder builder) throws IOException {
    this.hostKeys = generateHostKeys(builder.rsaHostKey);
    this.server = SshServer.setUpDefaultServer();
    server.setHost(HOST);
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
    server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    ImmutableList<PublicKey> authorized = ImmutableList.copyOf(builder.authorizedKeys);
    server.setPublickeyAuthenticator(
        (user, key, session) -> authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setForwardingFilter(new LoopbackOnlyForwarding());
    server.addSessionListener(new SessionListener() {
      @Override
      public void sessionCreated(Session session) {
        sessionsCreated.incrementAndGet();
      }
    });
    Optional<Path> pathPrefix = builder.pathPrefix;
    server.setCommandFactory((channel, command) -> {
      receivedCommands.add(command);
      return new ShellCommand(command, pathPrefix);
    });
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return server.getPort();
  }

  /** The host keys, ed25519 first. */
  public ImmutableList<PublicKey> hostKeys() {
    return hostKeys.stream().map(KeyPair::getPublic).collect(ImmutableList.toImmutableList());
  }

  /** Exec command strings exactly as clients sent them, in arrival order. */
  public ImmutableList<String> receivedCommands() {
    return ImmutableList.copyOf(receivedCommands);
  }

  /** SSH sessions (TCP connections that got as far as SSH) since start. */
  public int sessionsCreated() {
    return sessionsCreated.get();
  }

  /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}, one line per host key. */
  public ImmutableList<String> knownHostsLines() {
    return hostKeys().stream()
        .map(key -> "[" + HOST + "]:" + port() + " " + PublicKeyEntry.toString(key))
        .collect(ImmutableList.toImmutableList());
  }

  /** Appends {@link #knownHostsLines()} to the file, creating it if needed. */
  public void writeKnownHosts(Path file) {
    try {
      Files.write(file, knownHostsLines(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** Reads the public key of an OpenSSH {@code .pub} file (or any authorized_keys style line). */
  public static PublicKey readPublicKey(Path pubFile) {
    try {
      String line = Files.readString(pubFile, StandardCharsets.UTF_8).strip();
      return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a public key: " + pubFile, e);
    }
  }

  private static ImmutableList<KeyPair> generateHostKeys(boolean withRsa) {
    try {
      ImmutableList.Builder<KeyPair> keys = ImmutableList.builder();
      keys.add(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256));
      if (withRsa) {
        keys.add(KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048));
      }
      return keys.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate host keys", e);
    }
  }

  public static final class Builder {
    private final List<PublicKey> authorizedKeys = new ArrayList<>();
    private boolean rsaHostKey;
    private Optional<Path> pathPrefix = Optional.empty();

    private Builder() {}

    /** A client key allowed to log in (any user name). */
    public Builder authorizedKey(PublicKey key) {
      authorizedKeys.add(key);
      return this;
    }

    /** Also offer an RSA host key (after ed25519 in the server's preference). */
    public Builder rsaHostKey() {
      this.rsaHostKey = true;
      return this;
    }

    /** Puts this directory first on the PATH of every command (e.g. for a fake {@code sudo}). */
    public Builder pathPrefix(Path directory) {
      this.pathPrefix = Optional.of(directory);
      return this;
    }

    public EmbeddedSshServer start() throws IOException {
      return new EmbeddedSshServer(this);
    }
  }

  /** direct-tcpip (local forwarding by clients) to loopback addresses only; nothing else. */
  private static final class LoopbackOnlyForwarding extends RejectAllForwardingFilter {
    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
      if (type != Type.Direct) {
        return false;
      }
      try {
        return InetAddress.getByName(address.getHostName()).isLoopbackAddress();
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** One exec request: {@code /bin/sh -c command} as a real process, streams pumped by daemon threads. */
  private static final class ShellCommand implements Command {
    private final String command;
    private final Optional<Path> pathPrefix;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    ShellCommand(String command, Optional<Path> pathPrefix) {
      this.command = command;
      this.pathPrefix = pathPrefix;
    }

    @Override
    public void setInputStream(InputStream stream) {
      this.in = stream;
    }

    @Override
    public void setOutputStream(OutputStream stream) {
      this.out = stream;
    }

    @Override
    public void setErrorStream(OutputStream stream) {
      this.err = stream;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command);
      pathPrefix.ifPresent(dir -> builder.environment().merge("PATH", dir.toString(), (old, first) -> first + ":" + old));
      Process started = builder.start();
      process = started;
      env.addSignalListener((ch, signal) -> killTree(started));
      Thread stdin = daemon("stdin", () -> pumpStdin(started));
      Thread stdout = daemon("stdout", () -> pump(started.getInputStream(), out));
      Thread stderr = daemon("stderr", () -> pump(started.getErrorStream(), err));
      daemon("exit", () -> {
        try {
          int status = started.waitFor();
          stdout.join();
          stderr.join();
          stdin.interrupt();
          exit.onExit(status);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    /** Channel to process stdin, then EOF. Data the process no longer reads is discarded, as sshd does. */
    private void pumpStdin(Process started) {
      byte[] buffer = new byte[8192];
      OutputStream processIn = started.getOutputStream();
      boolean reading = true;
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (reading) {
            reading = write(processIn, buffer, n);
          }
        }
      } catch (IOException e) {
        // The channel closed.
      } finally {
        try {
          processIn.close();
        } catch (IOException e) {
          // Already closed by the exiting process.
        }
      }
    }

    private static boolean write(OutputStream to, byte[] buffer, int length) {
      try {
        to.write(buffer, 0, length);
        to.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private static void pump(InputStream from, OutputStream to) {
      byte[] buffer = new byte[8192];
      try (from) {
        for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
          to.write(buffer, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // The channel closed under us (client went away or the command was killed).
      }
    }

    private Thread daemon(String stream, Runnable body) {
      Thread thread = new Thread(body, "embedded-sshd-" + stream);
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    @Override
    public void destroy(ChannelSession channel) {
      Process running = process;
      if (running != null) {
        killTree(running);
      }
    }

    /**
     * Kills the shell and everything it started, as sshd kills the session's process group. Through
     * ProcessHandle, because Process.destroy also closes stdin and so blocks (on Mina's I/O thread) while
     * the stdin pump is stuck writing to a process that does not read.
     */
    private static void killTree(Process running) {
      ProcessHandle shell = running.toHandle();
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
      shell.destroyForcibly();
    }
  }
}
