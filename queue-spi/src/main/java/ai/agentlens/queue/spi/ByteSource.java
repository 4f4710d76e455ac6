package ai.agentlens.queue.spi;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote, failing on anything out of bounds. */
final class ByteSource {

  private final ByteBuffer in;

  ByteSource(ByteBuffer in) {
    this.in = in;
  }

  int i32() {
    return in.getInt();
  }

  long i64() {
    return in.getLong();
  }

  int remaining() {
    return in.remaining();
  }

  /** Reads a length-prefixed UTF-8 string, or {@code null} for length -1. */
  String str() {
    int len = in.getInt();
    if (len == -1) {
      return null;
    }
    if (len < 0 || len > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String s =
        new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
    in.position(in.position() + len);
    return s;
  }
}
