package io.reconcile.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Report files are written whole or not at all (temp file + rename), so readers never see half a report.
 * They are the owner's only (reports name hosts and show diffs), except the metrics, which node_exporter
 * reads as its own user (prometheus): {@link #writeReadable}.
 */
final class ReportFiles {
  private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private ReportFiles() {}

  static void write(Path target, String content) {
    write(target, content, Optional.empty());
  }

  /** A file every user may read (mode 0644), like node_exporter's textfile collector needs. */
  static void writeReadable(Path target, String content) {
    write(target, content, Optional.of(WORLD_READABLE));
  }

  private static void write(Path target, String content, Optional<Set<PosixFilePermission>> mode) {
    try {
      Path absolute = target.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      if (mode.isPresent()) {
        Files.setPosixFilePermissions(temp, mode.get());
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
