package io.reconcile.ssh;

/** Carries an {@link SshFailure} out of the transport; catch it per host and report {@link #failure()}. */
public final class SshFailureException extends Exception {
  private final transient SshFailure failure;

  public SshFailureException(SshFailure failure) {
    super(failure.host() + ": " + failure.message());
    this.failure = failure;
  }

  public SshFailureException(SshFailure failure, Throwable cause) {
    super(failure.host() + ": " + failure.message(), cause);
    this.failure = failure;
  }

  public SshFailure failure() {
    return failure;
  }
}
