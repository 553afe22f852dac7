package io.reconcile.host;

/** The host could not be reached, or the connection to it broke: the host is reported `unreachable`. */
public final class HostUnreachableException extends RuntimeException {
  public HostUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  public HostUnreachableException(String message) {
    super(message);
  }
}
