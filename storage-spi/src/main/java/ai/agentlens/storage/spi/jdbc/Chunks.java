package ai.agentlens.storage.spi.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits long lists into bounded pieces, for IN lists and array parameters whose size a database
 * limits (SQLite: 32,766 parameters; PostgreSQL: 65,535).
 */
public final class Chunks {

  private Chunks() {}

  /**
   * Splits a list into consecutive views of at most {@code size} elements, in order.
   *
   * @param list the list (not copied: the chunks are views of it)
   * @param size the largest chunk, &gt; 0
   * @param <T> element type
   * @return the chunks; empty for an empty list
   * @throws IllegalArgumentException when {@code size} is not positive
   */
  public static <T> List<List<T>> of(List<T> list, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("chunk size must be > 0, got " + size);
    }
    List<List<T>> out = new ArrayList<>((list.size() + size - 1) / size);
    for (int i = 0; i < list.size(); i += size) {
      out.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return out;
  }
}
