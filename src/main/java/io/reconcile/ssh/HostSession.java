package io.reconcile.ssh;

import io.reconcile.ssh.SshFailure.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * The one SSH session to a host for the whole run. Every command runs on its own exec channel of it, so
 * commands may run concurrently (up to {@link TransportOptions#maxChannelsPerHost()}) without new
 * handshakes. Thread-safe.
 */
public final class HostSession implements AutoCloseable {
  // After the deadline: how long a command may take to die of TERM before it gets KILL, and how long the
  // remote side gets to confirm the kill (close the channel) before we drop the channel.
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);
  /** Most a command's stdout may be (an observation of many large files): beyond it the command fails. */
  static final int MAX_STDOUT = 32 * 1024 * 1024;
  /** The end of a command's stderr that is kept: its last lines are the error. */
  static final int MAX_STDERR = 1024 * 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final SshTarget target;
  private final ClientSession session;
  private final Duration defaultTimeout;
  private final Semaphore channels;

  HostSession(SshTarget target, ClientSession session, TransportOptions options) {
    this.target = target;
    this.session = session;
    this.defaultTimeout = options.commandTimeout();
    this.channels = new Semaphore(options.maxChannelsPerHost(), true);
  }

  public SshTarget target() {
    return target;
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  /**
   * Runs the command (through {@link Become#wrap} when the target says become) and waits for it. A command
   * still running at its timeout is killed (signal requests TERM, then KILL, then the channel is closed;
   * under become, the host's own {@code timeout} kills it).
   *
   * @return exit status and output, whatever the exit status
   * @throws SshFailureException COMMAND_TIMEOUT, COMMAND_FAILED (no exit status), or CONNECTION_LOST
   */
  public CommandResult run(RemoteCommand command) throws SshFailureException {
    Duration timeout = command.timeout().orElse(defaultTimeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    String wire = target.become() ? Become.wrap(command.command(), timeout) : command.command();
    try {
      if (!channels.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw failure(Kind.COMMAND_TIMEOUT, "no free channel within " + Durations.describe(timeout) + " for: "
            + command.summary(), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(Kind.COMMAND_FAILED, "interrupted while waiting for a channel", e);
    }
    try {
      return exec(wire, command, timeout, deadline);
    } finally {
      channels.release();
    }
  }

  private CommandResult exec(String wire, RemoteCommand command, Duration timeout, long deadline)
      throws SshFailureException {
    ChannelExec channel;
    try {
      channel = session.createExecChannel(wire);
    } catch (IOException | IllegalStateException e) { // Mina: IllegalStateException when the session is closing
      throw channelFailure("cannot start: " + command.summary(), e);
    }
    // The watchdog (on Mina's shared timer thread) kills the command at its deadline, whatever this thread
    // is blocked on: opening, writing stdin into a full window, or waiting for the exit. Whichever of the
    // watchdog and the finished command comes first decides between result and timeout. A command that
    // prints more than MAX_STDOUT is killed the same way, and fails.
    AtomicBoolean decided = new AtomicBoolean();
    BoundedOutput out = BoundedOutput.head(MAX_STDOUT, () -> {
      if (decided.compareAndSet(false, true)) {
        kill(channel);
      }
    });
    BoundedOutput err = BoundedOutput.tail(MAX_STDERR);
    channel.setOut(out);
    channel.setErr(err);
    ScheduledFuture<?> watchdog = session.getFactoryManager().getScheduledExecutorService().schedule(() -> {
      if (decided.compareAndSet(false, true)) {
        kill(channel);
      }
    }, remaining(deadline), TimeUnit.MILLISECONDS);
    try {
      OpenFuture opened = channel.open();
      opened.await(remaining(deadline) + CLOSE_GRACE.toMillis());
      if (!opened.isOpened()) {
        if (decided.compareAndSet(false, true)) {
          throw channelFailure("cannot start: " + command.summary(), opened.getException());
        }
        throw timedOut(channel, timeout, command);
      }
      sendStdin(channel, command);
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), remaining(deadline) + CLOSE_GRACE.toMillis());
      if (out.overflowed()) {
        channel.close(true);
        throw failure(Kind.COMMAND_FAILED, "printed more than " + MAX_STDOUT / (1024 * 1024) + " MiB on stdout and was"
            + " stopped (output is kept in bounded memory): " + command.summary(), null);
      }
      if (!events.contains(ClientChannelEvent.CLOSED) || !decided.compareAndSet(false, true)) {
        throw timedOut(channel, timeout, command);
      }
      Integer status = channel.getExitStatus();
      if (status == null) {
        String signal = channel.getExitSignal();
        throw signal != null
            ? failure(Kind.COMMAND_FAILED, "killed by signal " + signal + ": " + command.summary(), null)
            : channelFailure("ended without exit status: " + command.summary(), null);
      }
      return new CommandResult(status, out.toByteArray(), err.toByteArray());
    } catch (IOException e) {
      throw channelFailure("failed: " + command.summary(), e);
    } finally {
      watchdog.cancel(false);
      channel.close(true);
    }
  }

  /** Feeds stdin and then EOF (also without stdin, so a command that reads stdin does not hang). */
  private static void sendStdin(ChannelExec channel, RemoteCommand command) {
    try (OutputStream stdin = channel.getInvertedIn()) {
      if (command.stdin().isPresent()) {
        stdin.write(command.stdin().get());
      }
    } catch (IOException e) {
      // The command exited or closed stdin before reading it all (e.g. `true`), or the watchdog closed
      // the channel; the exit status or the timeout tells which.
    }
  }

  private SshFailureException timedOut(ChannelExec channel, Duration timeout, RemoteCommand command) {
    channel.close(true); // the watchdog has signalled the command; do not wait for the remote side any longer
    return failure(Kind.COMMAND_TIMEOUT, "timed out after " + Durations.describe(timeout) + " and was killed: "
        + command.summary(), null);
  }

  /**
   * Closing an exec channel alone leaves the remote process running under OpenSSH, so the command gets
   * "signal" requests (RFC 4254 6.9; sshd signals its process group): TERM first, because sudo passes TERM
   * on to the command while a KILL of sudo would orphan it; KILL and close after {@link #KILL_GRACE}.
   * Never blocks: it runs on Mina's timer thread.
   */
  private void kill(ChannelExec channel) {
    if (!channel.getChannelState().contains(ClientChannelEvent.OPENED)) {
      channel.close(false); // not open yet: there is no remote process, and no channel id to signal
      return;
    }
    signal(channel, "TERM");
    session.getFactoryManager().getScheduledExecutorService().schedule(() -> {
      signal(channel, "KILL");
      channel.close(false);
    }, KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void signal(ChannelExec channel, String name) {
    try {
      Buffer request = session.createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
      request.putUInt(channel.getRecipient());
      request.putString("signal");
      request.putBoolean(false);
      request.putString(name);
      channel.writePacket(request);
    } catch (IOException | RuntimeException e) {
      // The channel or session is already gone: nothing left to signal.
    }
  }

  /**
   * Forwards a local port on 127.0.0.1 (chosen by the system) through this session to
   * {@code remoteHost:remotePort} as seen from the host, e.g. a database that listens on the host only.
   * Connection errors on the remote side show up when a local client connects (its socket is closed).
   */
  public Tunnel forwardLocal(String remoteHost, int remotePort) throws SshFailureException {
    try {
      ExplicitPortForwardingTracker tracker = session.createLocalPortForwardingTracker(
          new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(remoteHost, remotePort));
      return new Tunnel(tracker, remoteHost, remotePort);
    } catch (IOException e) {
      if (!session.isOpen()) {
        throw failure(Kind.CONNECTION_LOST, "session closed: " + e.getMessage(), e);
      }
      throw failure(Kind.TUNNEL_FAILED, "cannot forward a local port to " + remoteHost + ":" + remotePort + ": "
          + e.getMessage(), e);
    }
  }

  private SshFailureException channelFailure(String what, Throwable cause) {
    if (!session.isOpen()) {
      return failure(Kind.CONNECTION_LOST, "session closed; command " + what, cause);
    }
    return failure(Kind.COMMAND_FAILED, "command " + what
        + (cause == null ? "" : " (" + SshTransport.rootCause(cause) + ")"), cause);
  }

  private SshFailureException failure(Kind kind, String message, Throwable cause) {
    SshFailure failure = new SshFailure(target.name(), kind, message);
    return cause == null ? new SshFailureException(failure) : new SshFailureException(failure, cause);
  }

  private static long remaining(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  /** Runs {@code cleanup} once the session has closed, however it closed (e.g. the tunnel it came through). */
  void onClose(Runnable cleanup) {
    session.addCloseFutureListener(closed -> cleanup.run());
  }

  /** Ends the session, its channels and its tunnels. */
  @Override
  public void close() {
    session.close(false);
  }
}
