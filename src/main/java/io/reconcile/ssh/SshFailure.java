package io.reconcile.ssh;

import java.util.Objects;

/**
 * Why SSH work on one host failed, as a value the caller reports for that host (and only that host).
 *
 * @param host inventory name of the host
 * @param kind what went wrong; {@link #unreachable()} tells "could not talk to the host" from "a command failed"
 * @param message one line for the operator, naming files and keys where they matter
 */
public record SshFailure(String host, Kind kind, String message) {
  public SshFailure {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** True when the host could not be reached or trusted at all (Ansible's UNREACHABLE). */
  public boolean unreachable() {
    return kind.unreachable;
  }

  public enum Kind {
    NAME_NOT_RESOLVED(true),
    /** Connection refused, no route to the host, or another error of the TCP connect. */
    CONNECT_FAILED(true),
    CONNECT_TIMEOUT(true),
    /** TCP connected, but no SSH key exchange and authentication in time, or the peer broke off. */
    HANDSHAKE_FAILED(true),
    HOST_KEY_UNKNOWN(true),
    HOST_KEY_CHANGED(true),
    HOST_KEY_REVOKED(true),
    AUTH_FAILED(true),
    PRIVATE_KEY_UNUSABLE(true),
    /** The session died while in use. */
    CONNECTION_LOST(true),
    COMMAND_TIMEOUT(false),
    /** The command could not be started or ended without an exit status (e.g. killed by a signal). */
    COMMAND_FAILED(false),
    TUNNEL_FAILED(false);

    private final boolean unreachable;

    Kind(boolean unreachable) {
      this.unreachable = unreachable;
    }

    public boolean unreachable() {
      return unreachable;
    }
  }
}
