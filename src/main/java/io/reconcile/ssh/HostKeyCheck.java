package io.reconcile.ssh;

import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.SshFailure.Kind;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * The host key side of one connection attempt, handed through Mina's connection context: the host and port
 * whose key is expected (through a bastion the socket's address is a local forwarded port, never the host),
 * the known_hosts policy that judges it, which key types it has for the host (read by
 * {@link HostKeyPreference}) and the verdict. Mina only reports "server key did not validate" and clears
 * session attributes on close, so the reason lives here, owned by the connecting thread.
 */
final class HostKeyCheck {
  private static final AttributeKey<HostKeyCheck> KEY = new AttributeKey<>();

  record Rejection(Kind kind, String message) {}

  private final KnownHosts knownHosts;
  private final String host;
  private final int port;
  private final ImmutableSet<String> knownKeyTypes;
  private volatile Rejection rejection;
  private volatile boolean trusted;

  /** @param host lower case, as known_hosts names hosts */
  HostKeyCheck(KnownHosts knownHosts, String host, int port) {
    this.knownHosts = knownHosts;
    this.host = host;
    this.port = port;
    this.knownKeyTypes = knownHosts.keyTypesFor(host, port);
  }

  static AttributeKey<HostKeyCheck> key() {
    return KEY;
  }

  static Optional<HostKeyCheck> of(ClientSession session) {
    AttributeRepository context = session.getConnectionContext();
    return Optional.ofNullable(context == null ? null : context.getAttribute(KEY));
  }

  /** Mina's verifier for every session of the client: the session's own check decides. */
  static boolean verify(ClientSession session, PublicKey serverKey) {
    return of(session).map(check -> check.knownHosts.verify(check, serverKey)).orElse(false);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  ImmutableSet<String> knownKeyTypes() {
    return knownKeyTypes;
  }

  void reject(Rejection reason) {
    rejection = reason;
  }

  void trust() {
    trusted = true;
  }

  Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** The host key was verified, so key exchange got that far. */
  boolean trusted() {
    return trusted;
  }
}
