package io.reconcile.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent} (Debian's) on a socket of the test's own, started in the foreground
 * ({@code -D}) so that closing this ends it; keys go in with the real {@code ssh-add}.
 */
public final class SshAgentProcess implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private SshAgentProcess(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  public static SshAgentProcess start(Path socket) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100 && !socket.toFile().exists(); i++) {
      Thread.sleep(50);
    }
    if (!socket.toFile().exists()) {
      process.destroyForcibly();
      throw new IllegalStateException("ssh-agent did not create " + socket);
    }
    return new SshAgentProcess(process, socket);
  }

  public Path socket() {
    return socket;
  }

  /** {@code ssh-add FILE}: the agent holds the key from now on. */
  public void add(Path privateKey) throws IOException, InterruptedException {
    run(List.of("ssh-add", privateKey.toString()));
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process add = builder.start();
    add.getOutputStream().close();
    String output = new String(add.getInputStream().readAllBytes());
    if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + output);
    }
    return output;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
