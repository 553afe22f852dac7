package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.reconcile.ssh.CommandResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands on fleet hosts with the system's OpenSSH client, as an operator would. */
final class OpenSsh {
  private static final long TIMEOUT_SECONDS = 120;

  private OpenSsh() {}

  static List<String> command(Fleet fleet, FleetHost host, String remoteCommand) {
    if (!host.published()) {
      return List.of("ssh",
          "-F", fleet.sshConfig().toString(), // through the bastion, as the fleet's ssh_config says
          "-o", "BatchMode=yes",
          "-o", "GlobalKnownHostsFile=/dev/null",
          "-o", "ConnectTimeout=20",
          "-o", "LogLevel=ERROR",
          host.name(),
          remoteCommand);
    }
    return List.of("ssh",
        "-F", "/dev/null", // no user or system client config: the options below are all there is
        "-i", fleet.privateKey().toString(),
        "-p", Integer.toString(host.sshPort()),
        "-o", "IdentitiesOnly=yes",
        "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes",
        "-o", "UserKnownHostsFile=" + fleet.knownHosts(),
        "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "ConnectTimeout=20",
        "-o", "LogLevel=ERROR",
        FleetHost.USER + "@" + FleetHost.ADDRESS,
        remoteCommand);
  }

  static CommandResult run(Fleet fleet, FleetHost host, String remoteCommand) {
    List<String> command = command(fleet, host, remoteCommand);
    try {
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
      CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new FleetException("ssh " + host.name() + " '" + remoteCommand + "' did not finish in " + TIMEOUT_SECONDS + "s");
      }
      return new CommandResult(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new FleetException("could not run ssh (is openssh-client installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException("interrupted while running ssh on " + host.name(), e);
    }
  }

  private static CompletableFuture<byte[]> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return stream.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    });
  }
}
