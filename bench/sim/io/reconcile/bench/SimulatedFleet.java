package io.reconcile.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Many simulated Synnefo hosts in one process, for the scale benchmark (bench/run): one Apache Mina SSH
 * server listening on one 127.0.0.1 port per host, each host with its own ed25519 host key, public-key
 * authentication, and an exec handler that answers reconcile's observation script with the facts of a
 * converged host ({@link SimulatedHost}, {@link ObservationAnswer}). The SSH side is real (key exchange,
 * host key, user auth, channels); only the shell behind it is simulated. Any other command fails.
 *
 * <pre>
 * SimulatedFleet --hosts N --dir DIR --templates bench/templates --vars bench/vars.ini
 *                --memcached-conf bench/sim/memcached.conf [--drifted K] [--script-millis MS] [--dump-script FILE]
 * </pre>
 * Writes DIR/inventory.ini (group cyclades, the vars file appended), DIR/known_hosts and DIR/id_ed25519,
 * prints "ready" on stdout and serves until it is terminated (SIGTERM). {@code --script-millis} delays each answer by
 * the time the real script takes on a fleet host (measured by bench/run), without using CPU meanwhile.
 */
public final class SimulatedFleet {
  private final Map<Integer, SimulatedHost> hostsByPort = new ConcurrentHashMap<>();
  private final Map<Integer, KeyPair> hostKeysByPort = new ConcurrentHashMap<>();
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "simulated-shell");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger observations = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final long scriptMillis;
  private final Path dumpScript;

  private SimulatedFleet(long scriptMillis, Path dumpScript) {
    this.scriptMillis = scriptMillis;
    this.dumpScript = dumpScript;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int hosts = Integer.parseInt(required(options, "--hosts"));
    Path dir = Path.of(required(options, "--dir"));
    Path varsFile = Path.of(required(options, "--vars"));
    int drifted = Integer.parseInt(options.getOrDefault("--drifted", "0"));
    SimulatedFleet fleet = new SimulatedFleet(Long.parseLong(options.getOrDefault("--script-millis", "0")),
        options.containsKey("--dump-script") ? Path.of(options.get("--dump-script")) : null);
    Files.createDirectories(dir);
    KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path keyFile = writePrivateKey(dir.resolve("id_ed25519"), clientKey);
    MultiPortServer server = fleet.server(clientKey);
    List<Integer> ports = bindPorts(server, hosts);
    var templates = SimulatedHost.templates(Path.of(required(options, "--templates")));
    Map<String, String> vars = groupVars(varsFile);
    byte[] memcachedConf = SimulatedHost.read(Path.of(required(options, "--memcached-conf")));
    StringBuilder inventory = new StringBuilder("# " + hosts + " simulated hosts (bench/sim)\n[cyclades]\n");
    StringBuilder knownHosts = new StringBuilder();
    for (int i = 0; i < hosts; i++) {
      String name = String.format("sim%04d", i + 1);
      int port = ports.get(i);
      KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      fleet.hostKeysByPort.put(port, hostKey);
      fleet.hostsByPort.put(port, SimulatedHost.converged(name, i < drifted, templates, vars, memcachedConf));
      inventory.append(name).append(" ansible_host=127.0.0.1 ansible_port=").append(port)
          .append(" ansible_user=root ansible_ssh_private_key_file=").append(keyFile.toAbsolutePath()).append('\n');
      knownHosts.append("[127.0.0.1]:").append(port).append(' ').append(PublicKeyEntry.toString(hostKey.getPublic())).append('\n');
    }
    inventory.append(Files.readString(varsFile));
    Files.writeString(dir.resolve("inventory.ini"), inventory);
    Files.writeString(dir.resolve("known_hosts"), knownHosts);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("served " + fleet.observations.get() + " observations, refused " + fleet.refused.get() + " commands");
      System.out.flush();
    }));
    System.out.println("ready " + hosts + " hosts, inventory " + dir.resolve("inventory.ini").toAbsolutePath());
    System.out.flush();
    Thread.currentThread().join(); // serve until killed (SIGTERM)
  }

  private MultiPortServer server(KeyPair clientKey) throws IOException {
    MultiPortServer server = (MultiPortServer) ServerBuilder.builder().factory(MultiPortServer::new).build();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new KeyPairProvider() {
      @Override
      public Iterable<KeyPair> loadKeys(SessionContext session) {
        // Each listening port is a host with its own key, as if each were its own machine.
        return session == null ? List.of() : List.of(hostKeysByPort.get(localPort((Session) session)));
      }
    });
    server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    server.setPublickeyAuthenticator((user, key, session) -> user.equals("root") && KeyUtils.compareKeys(clientKey.getPublic(), key));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new SimulatedShell(command, hostsByPort.get(localPort(channel.getSession()))));
    server.start();
    return server;
  }

  private static int localPort(Session session) {
    return ((InetSocketAddress) session.getIoSession().getLocalAddress()).getPort();
  }

  /** The first port comes from start(); the acceptor then binds one more free port per host. */
  private static List<Integer> bindPorts(MultiPortServer server, int hosts) throws IOException {
    Set<Integer> seen = new HashSet<>();
    List<Integer> ports = new ArrayList<>();
    ports.add(server.getPort());
    seen.add(server.getPort());
    while (ports.size() < hosts) {
      server.bindAnotherPort();
      for (SocketAddress bound : server.getBoundAddresses()) {
        int port = ((InetSocketAddress) bound).getPort();
        if (seen.add(port)) {
          ports.add(port);
        }
      }
    }
    return ports;
  }

  /** A server whose acceptor listens on more ports after start(), one per simulated host. */
  static final class MultiPortServer extends SshServer {
    void bindAnotherPort() throws IOException {
      acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
    }
  }

  /** One exec request: the observation script is answered after {@code scriptMillis}; anything else fails. */
  private final class SimulatedShell implements Command {
    private final String command;
    private final SimulatedHost host;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    SimulatedShell(String command, SimulatedHost host) {
      this.command = command;
      this.host = host;
    }

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      answers.schedule(this::respond, scriptMillis, TimeUnit.MILLISECONDS);
    }

    private void respond() {
      try {
        if (dumpScript != null && observations.get() == 0) {
          Files.writeString(dumpScript, command);
        }
        if (!ObservationAnswer.isObservation(command)) {
          throw new IllegalArgumentException("the simulated host runs only reconcile's observation script");
        }
        byte[] stdout = ObservationAnswer.answer(command, host).getBytes(StandardCharsets.UTF_8);
        observations.incrementAndGet();
        out.write(stdout);
        out.flush();
        exit.onExit(0);
      } catch (IOException e) {
        exit.onExit(255, "channel closed");
      } catch (RuntimeException e) {
        refused.incrementAndGet();
        try {
          err.write((host.name() + ": " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
          err.flush();
        } catch (IOException ignored) {
          // the client is gone; the exit status below is all there is to say
        }
        exit.onExit(127);
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }

  private static Path writePrivateKey(Path file, KeyPair key) throws IOException, GeneralSecurityException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "reconcile-bench-sim", null, bytes);
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, bytes.toByteArray());
    return file;
  }

  /** The k=v lines of the vars file (bench/vars.ini: one [cyclades:vars] section). */
  private static Map<String, String> groupVars(Path file) throws IOException {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
        continue;
      }
      int eq = l.indexOf('=');
      vars.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return vars;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }
}
