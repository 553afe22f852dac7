package io.reconcile.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Masks secrets in everything written to stdout/stderr, whatever wrote it (our reports, a library's
 * log line, a stack trace). Holds output until a newline so a secret split across writes is still
 * masked whole.
 */
public final class MaskingOutputStream extends OutputStream {
  private final OutputStream target;
  private final Supplier<SecretMasker> masker;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public MaskingOutputStream(OutputStream target, Supplier<SecretMasker> masker) {
    this.target = target;
    this.masker = masker;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
  }

  private void emit() throws IOException {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    target.write(masker.get().mask(text).getBytes(StandardCharsets.UTF_8));
  }
}
