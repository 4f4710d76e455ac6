package ai.agentlens.core.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable JSON object: member names in document order, each at most once. Values are {@link
 * String}, {@link Boolean}, {@link JsonNumber}, {@link JsonObject}, {@link JsonArray} or {@code
 * null} (JSON {@code null}; {@link #containsKey} tells it from an absent member). Every mutator of
 * {@link Map} throws; changes make copies ({@link #with}, {@link #without}, {@link #mapValues}), so
 * a tree can be shared between threads and events without defensive copies.
 */
public final class JsonObject extends AbstractMap<String, Object> {

  /** The empty object. */
  public static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0]);

  // why: payload objects are small; two arrays and a linear scan cost a quarter of the memory of a
  // LinkedHashMap and find a name as fast, and only bigger objects get a hash index
  static final int INDEXED_FROM = 9;

  private final String[] names;
  private final Object[] values;
  private final HashMap<String, Integer> index;

  /** Takes ownership of the arrays: distinct names, valid JSON values, same length. */
  JsonObject(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
    this.index = names.length >= INDEXED_FROM ? indexOf(names) : null;
  }

  /**
   * Copies a map into an object.
   *
   * @param members names and JSON values, in the order to keep
   * @return the object
   * @throws IllegalArgumentException when a value is not a JSON value (see the class comment)
   * @throws NullPointerException when a name is {@code null}
   */
  public static JsonObject of(Map<String, ?> members) {
    String[] n = new String[members.size()];
    Object[] v = new Object[n.length];
    int i = 0;
    for (Map.Entry<String, ?> e : members.entrySet()) {
      n[i] = requireName(e.getKey());
      v[i++] = JsonValues.require(e.getValue());
    }
    return n.length == 0 ? EMPTY : new JsonObject(n, v);
  }

  /**
   * Returns a copy with one member set: replaced in place when present, appended otherwise.
   *
   * @param name the member name
   * @param value a JSON value
   * @return the new object
   * @throws IllegalArgumentException when the value is not a JSON value
   */
  public JsonObject with(String name, Object value) {
    JsonValues.require(value);
    int at = find(requireName(name));
    if (at >= 0) {
      Object[] v = values.clone();
      v[at] = value;
      return new JsonObject(names, v);
    }
    String[] n = Arrays.copyOf(names, names.length + 1);
    Object[] v = Arrays.copyOf(values, values.length + 1);
    n[names.length] = name;
    v[values.length] = value;
    return new JsonObject(n, v);
  }

  /**
   * Returns a copy without some members, or this object when it has none of them.
   *
   * @param drop the member names to drop
   * @return the object without them
   */
  public JsonObject without(Iterable<String> drop) {
    JsonObject out = this;
    for (String name : drop) {
      int at = out.find(name);
      if (at >= 0) {
        String[] n = new String[out.names.length - 1];
        Object[] v = new Object[n.length];
        System.arraycopy(out.names, 0, n, 0, at);
        System.arraycopy(out.values, 0, v, 0, at);
        System.arraycopy(out.names, at + 1, n, at, n.length - at);
        System.arraycopy(out.values, at + 1, v, at, n.length - at);
        out = n.length == 0 ? EMPTY : new JsonObject(n, v);
      }
    }
    return out;
  }

  /**
   * Returns a copy with every member value replaced by {@code f} of it, or this object when {@code
   * f} returned every value itself (same instance): copy on write.
   *
   * @param f maps a JSON value to a JSON value
   * @return the mapped object
   * @throws IllegalArgumentException when {@code f} returns a value that is not a JSON value
   */
  public JsonObject mapValues(UnaryOperator<Object> f) {
    Object[] copy = null;
    for (int i = 0; i < values.length; i++) {
      Object after = f.apply(values[i]);
      if (after != values[i]) {
        if (copy == null) {
          copy = values.clone();
        }
        copy[i] = JsonValues.require(after);
      }
    }
    return copy == null ? this : new JsonObject(names, copy);
  }

  /**
   * Returns a member when it is a string.
   *
   * @param name the member name
   * @return the string, or {@code null} when absent or not a string
   */
  public String string(String name) {
    return get(name) instanceof String s ? s : null;
  }

  /**
   * Returns a member when it is an object.
   *
   * @param name the member name
   * @return the object, or {@code null} when absent or not an object
   */
  public JsonObject object(String name) {
    return get(name) instanceof JsonObject o ? o : null;
  }

  /**
   * Returns a member when it is an array.
   *
   * @param name the member name
   * @return the array, or {@code null} when absent or not an array
   */
  public JsonArray array(String name) {
    return get(name) instanceof JsonArray a ? a : null;
  }

  @Override
  public Object get(Object name) {
    int at = find(name);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return find(name) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  /** The name of the member at a position, in document order (for writers: no entry objects). */
  String name(int i) {
    return names[i];
  }

  /** The value of the member at a position, in document order. */
  Object value(int i) {
    return values[i];
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  /** Returns the compact JSON text, as {@link JsonWriter#write} writes it. */
  @Override
  public String toString() {
    return JsonWriter.write(this);
  }

  private int find(Object name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static HashMap<String, Integer> indexOf(String[] names) {
    HashMap<String, Integer> index = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    return index;
  }

  private static String requireName(String name) {
    if (name == null) {
      throw new NullPointerException("a JSON member name cannot be null");
    }
    return name;
  }

  /** Collects members while reading, refusing a name seen before in the same object. */
  static final class Builder {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int size;
    private HashMap<String, Integer> seen;

    /**
     * Adds a member.
     *
     * @return {@code false} when the name was added before (nothing is added then)
     */
    boolean add(String name, Object value) {
      if (contains(name)) {
        return false;
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      if (seen != null) {
        seen.put(name, size);
      } else if (size + 1 == INDEXED_FROM) {
        seen = indexOf(Arrays.copyOf(names, size + 1));
      }
      size++;
      return true;
    }

    private boolean contains(String name) {
      if (seen != null) {
        return seen.containsKey(name);
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return true;
        }
      }
      return false;
    }

    JsonObject build() {
      if (size == 0) {
        return EMPTY;
      }
      return new JsonObject(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }
  }
}
