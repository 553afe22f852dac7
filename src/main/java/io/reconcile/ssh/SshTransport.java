package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The SSH client of a run: one Mina {@link SshClient} (its NIO2 workers serve every host), started once on
 * first use and shared, which opens one {@link HostSession} per host. Failures come back as {@link SshFailureException}
 * for that host alone; hosts share nothing but the client.
 */
public final class SshTransport implements AutoCloseable {
  private final TransportOptions options;
  private final KnownHosts knownHosts;
  private final PrivateKeys privateKeys = new PrivateKeys();
  private SshClient client; // created by the first open(): loading Mina costs a few hundred ms
  private boolean closed;

  private SshTransport(TransportOptions options) {
    this.options = options;
    this.knownHosts = new KnownHosts(options.knownHosts(), options.acceptNewHostKeys());
  }

  /** A transport for the run; cheap until the first {@link #open}. Close it to end every session. */
  public static SshTransport create(TransportOptions options) {
    return new SshTransport(options);
  }

  /**
   * Starts the client on a background thread, so that the caller's own start-up work (a run loads states
   * and renders templates meanwhile) hides Mina's and the JCE providers' (docs/benchmarks.md). Contacts
   * no host. A failure is left for {@link #open} to report.
   */
  public void startInBackground() {
    inBackground("ssh-client-start", this::client);
  }

  /** Reads these private key files on a background thread (see {@link #startInBackground}). */
  public void readKeysInBackground(List<Path> keyFiles) {
    inBackground("ssh-key-read", () -> keyFiles.forEach(privateKeys::readAhead));
  }

  private static void inBackground(String name, Runnable work) {
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        // open() meets the same failure and reports it for the host.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private synchronized SshClient client() {
    if (closed) {
      throw new IllegalStateException("SSH transport is closed");
    }
    if (client == null) {
      SshClient created = SshClient.setUpDefaultClient();
      created.setServerKeyVerifier(knownHosts);
      // Only what the inventory says: no ~/.ssh/config, no agent, no passwords, public keys per session.
      created.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
      created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
      created.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
      created.addSessionListener(new HostKeyPreference());
      CoreModuleProperties.IO_CONNECT_TIMEOUT.set(created, options.connectTimeout());
      // A host may sit idle for a long time while others work (e.g. a database migration); keep it alive.
      CoreModuleProperties.IDLE_TIMEOUT.set(created, Duration.ZERO);
      CoreModuleProperties.HEARTBEAT_INTERVAL.set(created, Duration.ofSeconds(30));
      created.start();
      client = created;
    }
    return client;
  }

  public TransportOptions options() {
    return options;
  }

  /**
   * Connects, verifies the host key against known_hosts and authenticates with the target's key.
   *
   * @throws SshFailureException with an {@linkplain SshFailure#unreachable() unreachable} failure
   */
  public HostSession open(SshTarget target) throws SshFailureException {
    ImmutableList<KeyPair> keys = privateKeys.forTarget(target, options.defaultKeyFiles());
    HostKeyCheck hostKeyCheck = new HostKeyCheck(knownHosts.keyTypesFor(target.host(), target.port()));
    ClientSession session = connect(target, hostKeyCheck.asContext());
    try {
      keys.forEach(session::addPublicKeyIdentity);
      authenticate(target, session, keys, hostKeyCheck);
      return new HostSession(target, session, options);
    } catch (SshFailureException | RuntimeException e) {
      session.close(true);
      throw e;
    }
  }

  private ClientSession connect(SshTarget target, AttributeRepository context) throws SshFailureException {
    String where = target.host() + ":" + target.port();
    String timedOut = "no TCP connection to " + where + " within " + Durations.describe(options.connectTimeout());
    ConnectFuture future;
    try {
      future = client().connect(target.user(), target.host(), target.port(), context);
      if (!future.await(options.connectTimeout())) {
        future.cancel();
        throw failure(target, Kind.CONNECT_TIMEOUT, timedOut, null);
      }
    } catch (IOException e) {
      throw failure(target, Kind.CONNECT_FAILED, "cannot connect to " + where + ": " + e.getMessage(), e);
    }
    if (future.isConnected()) {
      return future.getClientSession();
    }
    Throwable cause = rootCause(future.getException());
    if (cause instanceof TimeoutException || cause instanceof InterruptedByTimeoutException) {
      throw failure(target, Kind.CONNECT_TIMEOUT, timedOut, cause); // Mina's own IO_CONNECT_TIMEOUT fired first
    }
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      throw failure(target, Kind.NAME_NOT_RESOLVED, "cannot resolve host name " + target.host(), cause);
    }
    String reason = cause instanceof ConnectException || cause instanceof NoRouteToHostException
        ? String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
        : String.valueOf(cause);
    throw failure(target, Kind.CONNECT_FAILED, "cannot connect to " + where + ": " + reason, cause);
  }

  private void authenticate(SshTarget target, ClientSession session, ImmutableList<KeyPair> keys,
      HostKeyCheck hostKeyCheck)
      throws SshFailureException {
    String where = target.host() + ":" + target.port();
    AuthFuture auth = null;
    boolean done = false;
    IOException broken = null;
    try {
      auth = session.auth();
      done = auth.await(options.authTimeout());
    } catch (IOException e) {
      broken = e; // e.g. the session already closed because the host key was refused
    }
    // Mina itself only reports "did not validate"; the verifier left the reason in the check.
    if (hostKeyCheck.rejection().isPresent()) {
      HostKeyCheck.Rejection rejection = hostKeyCheck.rejection().get();
      throw failure(target, rejection.kind(), rejection.message(), broken);
    }
    if (broken != null) {
      throw failure(target, Kind.HANDSHAKE_FAILED, "SSH handshake with " + where + " failed: " + broken.getMessage(),
          broken);
    }
    if (done && auth.isSuccess()) {
      return;
    }
    if (!done) {
      auth.cancel();
      throw failure(target, Kind.HANDSHAKE_FAILED, "no SSH key exchange and authentication with " + where + " within "
          + Durations.describe(options.authTimeout()), null);
    }
    if (!hostKeyCheck.trusted()) {
      throw failure(target, Kind.HANDSHAKE_FAILED, "SSH handshake with " + where + " failed: "
          + rootCause(auth.getException()), auth.getException());
    }
    throw failure(target, Kind.AUTH_FAILED, "permission denied (publickey) for " + target.user() + "@" + where
        + " with " + describe(target, keys), auth.getException());
  }

  private static String describe(SshTarget target, ImmutableList<KeyPair> keys) {
    String fingerprints = keys.stream()
        .map(k -> KeyUtils.getKeyType(k) + " " + KeyUtils.getFingerPrint(k.getPublic()))
        .collect(Collectors.joining(", "));
    return target.privateKey().map(p -> "key " + p + " (" + fingerprints + ")")
        .orElse("default keys (" + fingerprints + ")");
  }

  private static SshFailureException failure(SshTarget target, Kind kind, String message, Throwable cause) {
    SshFailure failure = new SshFailure(target.name(), kind, message);
    return cause == null ? new SshFailureException(failure) : new SshFailureException(failure, cause);
  }

  static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public synchronized void close() {
    if (!closed && client != null) {
      client.stop();
    }
    closed = true;
  }
}
