package ai.agentlens.storage.postgres;

/**
 * The pgvector text form of a vector ({@code [1.0,-0.5,3.0E-5]}), or {@code null} when pgvector
 * cannot hold it or would rank it wrongly. Such a row keeps a null {@code vec} and is ranked in
 * process from its exact bytes, so it is never lost, only slower.
 */
final class PgvectorText {

  /** pgvector's largest {@code vector} dimension. */
  static final int MAX_DIMS = 16_000;

  /**
   * Beyond this magnitude pgvector's single-precision sums of squares can overflow to infinity
   * (16,000 components of 1e15 squared stay below {@code Float.MAX_VALUE}).
   */
  static final float MAX_MAGNITUDE = 1e15f;

  private PgvectorText() {}

  /**
   * Formats a vector for {@code cast(? as vector)}.
   *
   * @param v the vector
   * @return the text, or {@code null} for an empty vector, more than {@link #MAX_DIMS} components,
   *     or a NaN, infinite, subnormal or larger than {@link #MAX_MAGNITUDE} component
   */
  static String of(float[] v) {
    if (v == null || v.length == 0 || v.length > MAX_DIMS) {
      return null;
    }
    StringBuilder out = new StringBuilder(v.length * 12).append('[');
    for (int i = 0; i < v.length; i++) {
      float x = v[i];
      float abs = Math.abs(x);
      // why: pgvector refuses NaN and infinity, and strtof reports subnormals as out of range
      if (Float.isNaN(x) || abs > MAX_MAGNITUDE || (abs != 0 && abs < Float.MIN_NORMAL)) {
        return null;
      }
      if (i > 0) {
        out.append(',');
      }
      out.append(x);
    }
    return out.append(']').toString();
  }
}
