package io.reconcile.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Masks secrets in everything written to stdout/stderr, whatever wrote it (our reports, a library's
 * log line, a stack trace). Holds output until a line ends (newline, or the carriage return that ends a
 * redrawn status line), so a secret split across writes is still masked whole. A flush lets no partial
 * line through: an auto-flushing PrintStream flushes after every 8 KiB it encodes, in the middle of a
 * line. A line longer than {@link #MAX_LINE} bytes is let through in pieces, so memory stays bounded.
 */
public final class MaskingOutputStream extends OutputStream {
  private final OutputStream target;
  private final Supplier<SecretMasker> masker;
  static final int MAX_LINE = 16 * 1024 * 1024;

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public MaskingOutputStream(OutputStream target, Supplier<SecretMasker> masker) {
    this.target = target;
    this.masker = masker;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n' || b == '\r' || line.size() >= MAX_LINE) {
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
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    emit();
    target.flush();
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
