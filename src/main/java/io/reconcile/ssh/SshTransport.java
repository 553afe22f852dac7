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
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Predicate;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.threads.SshdThreadFactory;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The SSH client of a run: one Mina {@link SshClient} (its NIO2 workers serve every host), started once on
 * first use and shared, which opens one {@link HostSession} per host. A host behind bastions (ProxyJump) is
 * reached through one session per bastion that every host behind it shares ({@link Bastions}); the host
 * key of every bastion and of the host is verified against its own known_hosts. Failures come back as
 * {@link SshFailureException} for that host alone; hosts share nothing but the client and their bastions.
 */
public final class SshTransport implements AutoCloseable {
  /** How long the agent may take to list its keys or to sign. */
  private static final Duration AGENT_TIMEOUT = Duration.ofSeconds(10);

  private final TransportOptions options;
  private final Map<String, KnownHosts> knownHosts = new ConcurrentHashMap<>();
  private final PrivateKeys privateKeys = new PrivateKeys();
  private final Bastions bastions = new Bastions(this);
  private SshClient client; // created by the first open(): loading Mina costs a few hundred ms
  private boolean closed;

  private SshTransport(TransportOptions options) {
    this.options = options;
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

  /**
   * Mina's timer, but one that forgets a cancelled task at once: each command's watchdog (and each session's
   * heartbeat) holds its channel, session and output, and a cancelled task otherwise stays queued until its
   * deadline, so every host done kept them (docs/benchmarks.md, scale).
   */
  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new SshdThreadFactory("ssh-timer"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private synchronized SshClient client() {
    if (closed) {
      throw new IllegalStateException("SSH transport is closed");
    }
    if (client == null) {
      SshClient created = SshClient.setUpDefaultClient();
      created.setServerKeyVerifier((session, remote, key) -> HostKeyCheck.verify(session, key));
      // Host settings come resolved in each SshTarget (ssh config included); keys and the agent per session.
      created.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
      created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
      created.setAgentFactory(new AgentOffer());
      created.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
      created.addSessionListener(new HostKeyPreference());
      CoreModuleProperties.IO_CONNECT_TIMEOUT.set(created, options.connectTimeout());
      // A host may sit idle for a long time while others work (e.g. a database migration); keep it alive.
      CoreModuleProperties.IDLE_TIMEOUT.set(created, Duration.ZERO);
      CoreModuleProperties.HEARTBEAT_INTERVAL.set(created, Duration.ofSeconds(30));
      // No Nagle delay on the session's and the tunnels' sockets: a database reply the tunnel writes in two
      // pieces otherwise waits for the client's delayed ACK, 40 ms a query (docs/benchmarks.md).
      CoreModuleProperties.TCP_NODELAY.set(created, true);
      created.setScheduledExecutorService(timer(), true);
      created.start();
      client = created;
    }
    return client;
  }

  public TransportOptions options() {
    return options;
  }

  /**
   * Connects (through the target's bastions, if any), verifies the host key against known_hosts and
   * authenticates with the target's keys and its agent's.
   *
   * @throws SshFailureException with an {@linkplain SshFailure#unreachable() unreachable} failure
   */
  public HostSession open(SshTarget target) throws SshFailureException {
    if (target.options().jumps().isEmpty()) {
      return login(target, target.host(), target.port(), "");
    }
    return through(bastions.lastHopFor(target), target);
  }

  /** Opens a session to {@code target} through an open session to its bastion. */
  HostSession through(HostSession bastion, SshTarget target) throws SshFailureException {
    String via = " via bastion " + bastion.target().address();
    Tunnel tunnel;
    try {
      tunnel = bastion.forwardLocal(target.host(), target.port());
    } catch (SshFailureException e) {
      throw failure(target, Kind.CONNECT_FAILED, "cannot reach " + target.host() + ":" + target.port() + via + ": "
          + e.failure().message(), e);
    }
    try {
      HostSession session = login(target, tunnel.localHost(), tunnel.localPort(), via);
      session.onClose(tunnel::close);
      return session;
    } catch (SshFailureException | RuntimeException e) {
      tunnel.close();
      throw e;
    }
  }

  /** Connects to {@code address:port}, which is the target itself or a tunnel to it ({@code via} says which). */
  private HostSession login(SshTarget target, String address, int port, String via) throws SshFailureException {
    Duration limit = target.options().connectTimeout().orElse(options.connectTimeout());
    Duration authLimit = target.options().connectTimeout().orElse(options.authTimeout());
    ImmutableList<KeyPair> keys = privateKeys.forTarget(target, options.defaultKeyFiles());
    Optional<UnixSocketAgent> agent = agent(target, keys);
    if (keys.isEmpty() && agent.isEmpty()) {
      throw failure(target, Kind.PRIVATE_KEY_UNUSABLE, "no usable private key for the host: "
          + describeFiles(target) + "; and no ssh-agent " + target.options().agent()
              .map(s -> "answers at " + s).orElse("(SSH_AUTH_SOCK is not set)"), null);
    }
    HostKeyCheck hostKeyCheck = new HostKeyCheck(knownHostsFor(target), target.host().toLowerCase(Locale.ROOT),
        target.port());
    Map<AttributeKey<?>, Object> context = new HashMap<>();
    context.put(HostKeyCheck.key(), hostKeyCheck);
    agent.ifPresent(a -> context.put(AgentOffer.key(), a));
    String where = target.host() + ":" + target.port() + via;
    ClientSession session;
    try {
      session = connect(target, address, port, where, limit, AttributeRepository.ofAttributesMap(context));
    } catch (SshFailureException | RuntimeException e) {
      agent.ifPresent(SshTransport::closeQuietly);
      throw e;
    }
    try {
      target.options().serverAliveInterval().ifPresent(d -> CoreModuleProperties.HEARTBEAT_INTERVAL.set(session, d));
      keys.forEach(session::addPublicKeyIdentity);
      authenticate(target, session, where, authLimit, keys, agent, hostKeyCheck);
      return new HostSession(target, session, options);
    } catch (SshFailureException | RuntimeException e) {
      session.close(true);
      throw e;
    } finally {
      agent.ifPresent(SshTransport::closeQuietly); // Mina is done with it after the login, whatever came of it
    }
  }

  /**
   * The target's ssh-agent, holding the keys it may offer (IdentitiesOnly: only those of the target's key
   * files); empty when the target has none, or it cannot be reached or offers nothing (the login then
   * goes on with the key files, as ssh does).
   */
  private Optional<UnixSocketAgent> agent(SshTarget target, ImmutableList<KeyPair> fileKeys) {
    if (target.options().agent().isEmpty()) {
      return Optional.empty();
    }
    Predicate<PublicKey> offered = key -> true;
    if (target.options().identitiesOnly()) {
      List<PublicKey> allowed = new ArrayList<>(fileKeys.stream().map(KeyPair::getPublic).toList());
      allowed.addAll(PrivateKeys.publicKeysBeside(PrivateKeys.filesOf(target, options.defaultKeyFiles())));
      offered = key -> allowed.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
    }
    UnixSocketAgent agent = null;
    try {
      agent = UnixSocketAgent.connect(target.options().agent().get(), AGENT_TIMEOUT, offered);
      if (!agent.offeredKeys().isEmpty()) {
        return Optional.of(agent);
      }
    } catch (IOException | RuntimeException e) {
      // An agent that is not running is no error for ssh either: the key files may still do.
    }
    if (agent != null) {
      closeQuietly(agent);
    }
    return Optional.empty();
  }

  private KnownHosts knownHostsFor(SshTarget target) {
    Path file = target.options().knownHosts().orElse(options.knownHosts());
    boolean acceptNew = target.options().acceptNewHostKeys().orElse(options.acceptNewHostKeys());
    return knownHosts.computeIfAbsent(file.toAbsolutePath().normalize() + (acceptNew ? " accept-new" : " strict"),
        key -> new KnownHosts(file, acceptNew));
  }

  private ClientSession connect(SshTarget target, String address, int port, String where, Duration limit,
      AttributeRepository context) throws SshFailureException {
    String timedOut = "no TCP connection to " + where + " within " + Durations.describe(limit);
    ConnectFuture future;
    try {
      future = client().connect(target.user(), address, port, context);
      if (!future.await(limit)) {
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

  private void authenticate(SshTarget target, ClientSession session, String where, Duration limit,
      ImmutableList<KeyPair> keys, Optional<UnixSocketAgent> agent, HostKeyCheck hostKeyCheck)
      throws SshFailureException {
    AuthFuture auth = null;
    boolean done = false;
    IOException broken = null;
    try {
      auth = session.auth();
      done = auth.await(limit);
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
          + Durations.describe(limit), null);
    }
    if (!hostKeyCheck.trusted()) {
      throw failure(target, Kind.HANDSHAKE_FAILED, "SSH handshake with " + where + " failed: "
          + rootCause(auth.getException()), auth.getException());
    }
    throw failure(target, Kind.AUTH_FAILED, "permission denied (publickey) for " + target.user() + "@" + where
        + " with " + describe(target, keys, agent), auth.getException());
  }

  private String describe(SshTarget target, ImmutableList<KeyPair> keys, Optional<UnixSocketAgent> agent) {
    String fingerprints = keys.stream()
        .map(k -> KeyUtils.getKeyType(k) + " " + KeyUtils.getFingerPrint(k.getPublic()))
        .collect(Collectors.joining(", "));
    String files = target.privateKey().map(p -> "key " + p + " (" + fingerprints + ")")
        .orElse((target.options().identityFiles().isEmpty() ? "default keys" : "IdentityFile keys")
            + " (" + fingerprints + ")");
    return files + agent.map(a -> " and the keys of the ssh-agent at " + a.socket()).orElse("");
  }

  private String describeFiles(SshTarget target) {
    return PrivateKeys.filesOf(target, options.defaultKeyFiles()).stream().map(Path::toString)
        .collect(Collectors.joining(", "));
  }

  static SshFailureException failure(SshTarget target, Kind kind, String message, Throwable cause) {
    SshFailure failure = new SshFailure(target.name(), kind, message);
    return cause == null ? new SshFailureException(failure) : new SshFailureException(failure, cause);
  }

  private static void closeQuietly(UnixSocketAgent agent) {
    try {
      agent.close();
    } catch (IOException e) {
      // Nothing more to ask of it.
    }
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
    bastions.close();
    if (!closed && client != null) {
      client.stop();
    }
    closed = true;
  }
}
