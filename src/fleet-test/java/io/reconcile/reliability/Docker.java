package io.reconcile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Lists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The faults Docker can inflict on a fleet container: stop, start, pause, unpause; and where its sshd is now. */
final class Docker {
  private static final Pattern PUBLISHED = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  private Docker() {}

  /** Stops the container as `docker stop` does (TERM to its init, KILL a second later): every process dies. */
  static void stop(String container) {
    run("stop", "--time", "1", container);
  }

  static void start(String container) {
    run("start", container);
  }

  /** Freezes every process of the container (cgroup freezer): the kernel still accepts TCP, nobody answers. */
  static void pause(String container) {
    run("pause", container);
  }

  static void unpause(String container) {
    run("unpause", container);
  }

  /** The port on 127.0.0.1 that is published to the container's port 22 (it may change when the container restarts). */
  static int sshPort(String container) {
    Matcher m = PUBLISHED.matcher(run("port", container, "22/tcp"));
    assertThat(m.find()).as("published ssh port of %s", container).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** Runs {@code docker ARGS...}, asserts that it succeeded and returns its output. */
  static String run(String... args) {
    try {
      Process process = new ProcessBuilder(Lists.asList("docker", args)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as("docker %s: %s", String.join(" ", args), out).isZero();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: docker " + String.join(" ", args), e);
    }
  }
}
