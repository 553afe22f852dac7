package io.reconcile.cli;

import io.reconcile.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `reconcile` as a process of its own (a child JVM on the test class path): what signals reach, and
 * stdout/stderr exactly as the process writes them (through its own secret masking).
 */
public final class ReconcileProcess {
  private final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread outPump;
  private final Thread errPump;

  private ReconcileProcess(Process process) {
    this.process = process;
    this.outPump = pump(process.getInputStream(), out);
    this.errPump = pump(process.getErrorStream(), err);
  }

  public static ReconcileProcess start(List<String> args) {
    return start(Path.of("").toAbsolutePath(), args);
  }

  /** Starts reconcile with {@code workingDirectory} as its working directory. */
  public static ReconcileProcess start(Path workingDirectory, List<String> args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "io.reconcile.cli.Main"));
    command.addAll(args);
    try {
      return new ReconcileProcess(new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (at most {@code limit}). */
  public static ReconcileProcess run(List<String> args, Duration limit) {
    ReconcileProcess run = start(args);
    run.waitFor(limit);
    return run;
  }

  /** Sends a signal (TERM, INT) to this process, by its id. */
  public void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public void awaitStderr(String text, Duration limit) {
    Poll.until("reconcile writes '" + text + "' on stderr", limit, () -> {
      if (err().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        throw new AssertionError("reconcile ended without writing '" + text + "' on stderr: " + this);
      }
      return false;
    });
  }

  /** The exit status; the process is killed and the test fails if it runs longer than {@code limit}. */
  public int waitFor(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("reconcile did not end within " + limit.toSeconds() + " s: " + out() + err());
      }
      outPump.join();
      errPump.join();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public int code() {
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  public String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  public String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "exit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\n" + out() + err();
  }

  private static Thread pump(InputStream from, ByteArrayOutputStream to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (from) {
        for (int n; (n = from.read(buffer)) >= 0; ) {
          synchronized (to) {
            to.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "reconcile-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
