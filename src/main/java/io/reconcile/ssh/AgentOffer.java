package io.reconcile.ssh;

import java.io.IOException;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * Hands Mina's public key authentication the agent that one connection attempt opened (through the
 * connection context): Mina asks the client's agent factory for an agent once per login, and our agent
 * differs per host (IdentityAgent, IdentitiesOnly). No agent is forwarded to hosts.
 */
final class AgentOffer implements SshAgentFactory {
  private static final AttributeKey<UnixSocketAgent> KEY = new AttributeKey<>();

  static AttributeKey<UnixSocketAgent> key() {
    return KEY;
  }

  @Override
  public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
    return List.of();
  }

  @Override
  public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
    if (!(session instanceof ClientSession client) || client.getConnectionContext() == null) {
      return null;
    }
    return client.getConnectionContext().getAttribute(KEY);
  }

  @Override
  public SshAgentServer createServer(ConnectionService service) {
    throw new UnsupportedOperationException("reconcile forwards no agent");
  }
}
