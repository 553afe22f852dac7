package io.reconcile.host;

import java.util.Optional;

/**
 * A path as found on the host: whether it exists, its kind, ownership, mode, digest, and (when small
 * enough to diff) its content. A symbolic link is not followed: it has its target (what the link says)
 * and no digest or content.
 */
public record FileFact(
    String path, boolean exists, boolean regular, String owner, String group, int mode, long size,
    String sha256, Optional<byte[]> content, Optional<String> linkTarget) {

  public static FileFact absent(String path) {
    return new FileFact(path, false, false, "", "", 0, 0, "", Optional.empty(), Optional.empty());
  }

  /** Why a path that is a symbolic link is not managed through it. */
  public String linkRefusal(String advice) {
    return path + " is a symbolic link (to " + linkTarget.orElse("?")
        + "): not followed, since a link can lead anywhere"
        + " (/etc/shadow); " + advice;
  }

  public String modeText() {
    return String.format("%04o", mode);
  }
}
