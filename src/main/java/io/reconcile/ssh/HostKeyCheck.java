package io.reconcile.ssh;

import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.SshFailure.Kind;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * The host key side of one connection attempt, handed through Mina's connection context: which key types
 * known_hosts has for the host (read by {@link HostKeyPreference}) and the verdict of {@link KnownHosts}.
 * Mina only reports "server key did not validate" and clears session attributes on close, so the reason
 * lives here, owned by the connecting thread.
 */
final class HostKeyCheck {
  private static final AttributeKey<HostKeyCheck> KEY = new AttributeKey<>();

  record Rejection(Kind kind, String message) {}

  private final ImmutableSet<String> knownKeyTypes;
  private volatile Rejection rejection;
  private volatile boolean trusted;

  HostKeyCheck(ImmutableSet<String> knownKeyTypes) {
    this.knownKeyTypes = knownKeyTypes;
  }

  AttributeRepository asContext() {
    return AttributeRepository.ofKeyValuePair(KEY, this);
  }

  static Optional<HostKeyCheck> of(ClientSession session) {
    AttributeRepository context = session.getConnectionContext();
    return Optional.ofNullable(context == null ? null : context.getAttribute(KEY));
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
