package io.reconcile.fleettests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * `reconcile` as a child JVM in a working directory and environment of the test's choosing (ansible.cfg is
 * found through both), with its exit code and output.
 */
record ChildRun(int code, String out, String err) {
  static ChildRun of(Path workingDirectory, Map<String, String> env, String... args) throws Exception {
    return of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), workingDirectory,
        env, args);
  }

  /** With a class path of the test's choosing, e.g. reconcile built from changed sources. */
  static ChildRun of(String classPath, Path workingDirectory, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "io.reconcile.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().remove("ANSIBLE_CONFIG");
    builder.environment().remove("SSH_AUTH_SOCK");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("reconcile did not finish: " + command);
    }
    return new ChildRun(process.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out);
  }

  @Override
  public String toString() {
    return "exit " + code + "\n" + out + err;
  }
}
