package io.reconcile.host;

import java.util.Optional;

/**
 * A path as found on the host: whether it exists, its kind, ownership, mode, digest, and (when small
 * enough to diff) its content.
 */
public record FileFact(
    String path, boolean exists, boolean regular, String owner, String group, int mode, long size,
    String sha256, Optional<byte[]> content) {

  public static FileFact absent(String path) {
    return new FileFact(path, false, false, "", "", 0, 0, "", Optional.empty());
  }

  public String modeText() {
    return String.format("%04o", mode);
  }
}
