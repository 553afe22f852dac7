package io.reconcile.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs scripts with the local /bin/sh: the same scripts the hosts get, for tests without SSH. */
public final class LocalShell implements HostShell {
  @Override
  public ShellResult run(String script, byte[] stdin, Duration timeout) {
    try {
      Process process = new ProcessBuilder("/bin/sh", "-c", script).start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException ignored) {
        // the script did not read its input
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new CommandTimeoutException("script", timeout);
      }
      return new ShellResult(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new HostUnreachableException("cannot start /bin/sh: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
