package io.reconcile.ssh;

import com.google.common.collect.ImmutableSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;

/**
 * Puts the host key types that known_hosts already trusts for a host first in that session's key exchange
 * proposal, as OpenSSH does, so a host with several keys (rsa, ecdsa, ed25519) shows the one we know.
 * The types come with the connection's {@link HostKeyCheck}; the listener runs when the session is created,
 * before it sends its first key exchange message.
 */
final class HostKeyPreference implements SessionListener {
  @Override
  public void sessionCreated(Session session) {
    if (!(session instanceof ClientSession client)) {
      return;
    }
    ImmutableSet<String> known = HostKeyCheck.of(client).map(HostKeyCheck::knownKeyTypes).orElse(ImmutableSet.of());
    if (known.isEmpty()) {
      return;
    }
    List<NamedFactory<Signature>> preferred = session.getSignatureFactories().stream()
        .sorted(Comparator.comparing(f -> !known.contains(KeyUtils.getCanonicalKeyType(f.getName()))))
        .collect(Collectors.toList());
    session.setSignatureFactories(preferred);
  }
}
