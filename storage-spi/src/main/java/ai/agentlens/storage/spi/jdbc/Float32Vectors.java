package ai.agentlens.storage.spi.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one byte layout of stored vectors on every backend: 4-byte IEEE 754 floats, little-endian, in
 * order (SQLite BLOB, PostgreSQL {@code bytea}). Raw bits are kept, so a vector reads back
 * bit-exact (NaN payloads and {@code -0.0} included).
 */
public final class Float32Vectors {

  private Float32Vectors() {}

  /**
   * Encodes a vector.
   *
   * @param vector the floats
   * @return {@code 4 * vector.length} bytes
   */
  public static byte[] encode(float[] vector) {
    ByteBuffer b = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      b.putInt(Float.floatToRawIntBits(f));
    }
    return b.array();
  }

  /**
   * Decodes a vector.
   *
   * @param bytes a multiple of 4 bytes
   * @return the floats
   * @throws IllegalArgumentException when the length is not a multiple of 4
   */
  public static float[] decode(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("a stored vector of " + bytes.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[bytes.length / Float.BYTES];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.intBitsToFloat(b.getInt());
    }
    return out;
  }
}
