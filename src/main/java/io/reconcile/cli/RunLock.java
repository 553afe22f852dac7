package io.reconcile.cli;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time per inventory and state directory, so that overlapping cron runs do not pile up
 * and two applies never interleave: an OS lock on {@code STATE_DIR/locks/run-HASH.lock} (HASH of the
 * inventory's path), held for the run and released when the process ends however it ends (SIGKILL
 * too: no stale lock to clean up). The file says who holds it.
 */
final class RunLock implements AutoCloseable {
  /** Another run holds the lock (sysexits EX_TEMPFAIL: try again later). */
  static final int BUSY = 75;
  private static final Duration POLL = Duration.ofMillis(200);

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Another run holds the lock; the message names it and how to wait for it. */
  static final class BusyException extends Exception {
    BusyException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock of {@code inventory}'s runs, waiting up to {@code wait} for a run holding it.
   *
   * @param holder who this run is, for a run that finds the lock taken (run id, mode)
   */
  static RunLock acquire(Path stateDir, Path inventory, String holder, Duration wait) throws BusyException {
    Path inventoryPath = inventory.toAbsolutePath().normalize();
    Path file = stateDir.resolve("locks").resolve("run-" + Hashing.sha256()
        .hashString(inventoryPath.toString(), StandardCharsets.UTF_8).toString().substring(0, 16) + ".lock");
    Instant giveUp = Instant.now().plus(wait);
    try {
      createPrivateDirectories(file.getParent());
      while (true) {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        Optional<FileLock> lock = tryLock(channel);
        if (lock.isPresent()) {
          channel.truncate(0);
          channel.write(ByteBuffer.wrap((holder + ", pid " + ProcessHandle.current().pid() + ", started "
              + Instant.now() + "\n")
              .getBytes(StandardCharsets.UTF_8)));
          channel.force(false);
          return new RunLock(channel, lock.get());
        }
        channel.close();
        if (!Instant.now().isBefore(giveUp)) {
          String who = Files.readString(file, StandardCharsets.UTF_8).strip();
          String holding = who.isEmpty() ? "starting" : who;
          throw new BusyException("another run of " + inventoryPath + " is in progress (" + holding
              + "; lock " + file + ")" + (wait.isZero() ? "; wait for it with --wait-for-lock SECONDS, or run later"
                  : "; it did not finish within --wait-for-lock " + wait.toSeconds() + " s"));
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the run lock " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the run lock " + file, e);
    }
  }

  /** The lock, or empty when another process (or another run in this JVM) holds it. */
  private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
    try {
      return Optional.ofNullable(channel.tryLock());
    } catch (OverlappingFileLockException e) {
      return Optional.empty();
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process ending releases it anyway
    }
  }
}
