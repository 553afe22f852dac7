package io.reconcile.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A command's output kept in bounded memory, whatever the host sends: stdout up to a limit, past which
 * it is not kept and the command is stopped ({@link #head}); stderr as its last bytes ({@link #tail}),
 * since that is where an error's last lines are (apt prints megabytes of progress before them).
 */
abstract class BoundedOutput extends OutputStream {
  /** The first {@code limit} bytes; {@code overflow} runs once when more arrive, and the rest is dropped. */
  static BoundedOutput head(int limit, Runnable overflow) {
    return new Head(limit, overflow);
  }

  /** The last {@code limit} bytes. */
  static BoundedOutput tail(int limit) {
    return new Tail(limit);
  }

  abstract byte[] toByteArray();

  /** Whether bytes were dropped. */
  abstract boolean overflowed();

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public abstract void write(byte[] bytes, int offset, int length);

  private static final class Head extends BoundedOutput {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private final Runnable overflow;
    private boolean overflowed;

    Head(int limit, Runnable overflow) {
      this.limit = limit;
      this.overflow = overflow;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int room = limit - kept.size();
      kept.write(bytes, offset, Math.min(room, length));
      if (length > room && !overflowed) {
        overflowed = true;
        overflow.run();
      }
    }

    @Override
    synchronized byte[] toByteArray() {
      return kept.toByteArray();
    }

    @Override
    synchronized boolean overflowed() {
      return overflowed;
    }
  }

  private static final class Tail extends BoundedOutput {
    private final byte[] ring;
    private long written;

    Tail(int limit) {
      this.ring = new byte[limit];
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int from = length > ring.length ? offset + length - ring.length : offset;
      written += from - offset; // overwritten anyway by what follows
      for (int i = from; i < offset + length; i++) {
        ring[(int) (written++ % ring.length)] = bytes[i];
      }
    }

    @Override
    synchronized byte[] toByteArray() {
      if (written <= ring.length) {
        return Arrays.copyOf(ring, (int) written);
      }
      int start = (int) (written % ring.length);
      byte[] out = new byte[ring.length];
      System.arraycopy(ring, start, out, 0, ring.length - start);
      System.arraycopy(ring, 0, out, ring.length - start, start);
      return out;
    }

    @Override
    synchronized boolean overflowed() {
      return written > ring.length;
    }
  }
}
