package ai.agentlens.core.json;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * An immutable JSON array of JSON values (see {@link JsonObject} for the value types). Every
 * mutator of {@link List} throws; {@link #mapValues} makes a copy on write. Thread-safe.
 */
public final class JsonArray extends AbstractList<Object> implements RandomAccess {

  /** The empty array. */
  public static final JsonArray EMPTY = new JsonArray(new Object[0]);

  private final Object[] items;

  /** Takes ownership of {@code items}, which are already valid JSON values. */
  JsonArray(Object[] items) {
    this.items = items;
  }

  /**
   * Copies a list into an array.
   *
   * @param items JSON values
   * @return the array
   * @throws IllegalArgumentException when an item is not a JSON value
   */
  public static JsonArray of(List<?> items) {
    Object[] copy = new Object[items.size()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = JsonValues.require(items.get(i));
    }
    return new JsonArray(copy);
  }

  /**
   * Returns a copy with every item replaced by {@code f} of it, or this array when {@code f}
   * returned every item itself (same instance): copy on write.
   *
   * @param f maps a JSON value to a JSON value
   * @return the mapped array
   * @throws IllegalArgumentException when {@code f} returns a value that is not a JSON value
   */
  public JsonArray mapValues(UnaryOperator<Object> f) {
    Object[] copy = null;
    for (int i = 0; i < items.length; i++) {
      Object after = f.apply(items[i]);
      if (after != items[i]) {
        if (copy == null) {
          copy = items.clone();
        }
        copy[i] = JsonValues.require(after);
      }
    }
    return copy == null ? this : new JsonArray(copy);
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** Returns the compact JSON text, as {@link JsonWriter#write} writes it. */
  @Override
  public String toString() {
    return JsonWriter.write(this);
  }
}
