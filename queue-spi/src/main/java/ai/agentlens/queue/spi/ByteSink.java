package ai.agentlens.queue.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for {@link EnvelopeCodec}. */
final class ByteSink {

  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void i32(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void i64(long v) {
    i32((int) (v >>> 32));
    i32((int) v);
  }

  /** Writes a length-prefixed UTF-8 string; length -1 for {@code null}. */
  void str(String s) {
    if (s == null) {
      i32(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    i32(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  byte[] buffer() {
    return buf;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
