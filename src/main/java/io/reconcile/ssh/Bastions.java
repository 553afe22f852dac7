package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The sessions to bastions (ssh's ProxyJump) of a run: one per chain of hops, shared by every host behind
 * it, opened when the first of them needs it. A bastion that cannot be reached is not tried again for each
 * host behind it: they all fail with its failure. A bastion session that died is opened again.
 */
final class Bastions implements AutoCloseable {
  /** A chain's session, or why it could not be opened. */
  private record Hop(HostSession session, SshFailureException failure) {}

  private final SshTransport transport;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Hop> hops = new ConcurrentHashMap<>();

  Bastions(SshTransport transport) {
    this.transport = transport;
  }

  /** The open session to the last bastion of the target's chain. */
  HostSession lastHopFor(SshTarget target) throws SshFailureException {
    List<SshTarget> chain = target.options().jumps();
    HostSession previous = null;
    for (int i = 0; i < chain.size(); i++) {
      previous = hop(target, chain.subList(0, i + 1), previous);
    }
    return previous;
  }

  private HostSession hop(SshTarget target, List<SshTarget> chain, HostSession via) throws SshFailureException {
    String key = chain.stream().map(SshTarget::address).collect(Collectors.joining(" -> "));
    SshTarget bastion = chain.get(chain.size() - 1);
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Hop known = hops.get(key);
      if (known == null || (known.session() != null && !known.session().isOpen())) {
        try {
          HostSession opened = via == null ? transport.open(bastion) : transport.through(via, bastion);
          known = new Hop(opened, null);
        } catch (SshFailureException e) {
          known = new Hop(null, e);
        }
        hops.put(key, known);
      }
      if (known.failure() != null) {
        SshFailure failed = known.failure().failure();
        // As with ssh, whose command-line options apply to the destination and not to its jump hosts.
        String hint = failed.kind() == SshFailure.Kind.PRIVATE_KEY_UNUSABLE
            ? " (a bastion logs in with its own IdentityFile of the ssh client configuration, or the agent's keys;"
                + " the inventory's key is the host's)" : "";
        throw SshTransport.failure(target, failed.kind(), "bastion " + bastion.name() + " (" + bastion.address()
            + "): " + failed.message() + hint, known.failure());
      }
      return known.session();
    }
  }

  /** Hosts behind bastions close first: their sessions run through these. */
  @Override
  public void close() {
    List<HostSession> open = new ArrayList<>();
    hops.values().stream().filter(h -> h.session() != null).forEach(h -> open.add(h.session()));
    hops.clear();
    ImmutableList.copyOf(open).reverse().forEach(HostSession::close);
  }
}
