package ai.agentlens.core.json;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
  public static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>());

  private final LinkedHashMap<String, Object> members;
  private Set<Entry<String, Object>> entries;

  /** Takes ownership of {@code members}, whose values are already valid JSON values. */
  JsonObject(LinkedHashMap<String, Object> members) {
    this.members = members;
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
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(capacity(members.size()));
    members.forEach((k, v) -> copy.put(requireName(k), JsonValues.require(v)));
    return new JsonObject(copy);
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
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(capacity(members.size() + 1));
    copy.putAll(members);
    copy.put(requireName(name), JsonValues.require(value));
    return new JsonObject(copy);
  }

  /**
   * Returns a copy without some members, or this object when it has none of them.
   *
   * @param names the member names to drop
   * @return the object without them
   */
  public JsonObject without(Iterable<String> names) {
    LinkedHashMap<String, Object> copy = null;
    for (String name : names) {
      if (members.containsKey(name)) {
        if (copy == null) {
          copy = new LinkedHashMap<>(members);
        }
        copy.remove(name);
      }
    }
    return copy == null ? this : new JsonObject(copy);
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
    LinkedHashMap<String, Object> copy = null;
    for (Entry<String, Object> e : members.entrySet()) {
      Object before = e.getValue();
      Object after = f.apply(before);
      if (after != before && copy == null) {
        copy = new LinkedHashMap<>(members);
      }
      if (copy != null) {
        copy.put(e.getKey(), JsonValues.require(after));
      }
    }
    return copy == null ? this : new JsonObject(copy);
  }

  /**
   * Returns a member when it is a string.
   *
   * @param name the member name
   * @return the string, or {@code null} when absent or not a string
   */
  public String string(String name) {
    return members.get(name) instanceof String s ? s : null;
  }

  /**
   * Returns a member when it is an object.
   *
   * @param name the member name
   * @return the object, or {@code null} when absent or not an object
   */
  public JsonObject object(String name) {
    return members.get(name) instanceof JsonObject o ? o : null;
  }

  /**
   * Returns a member when it is an array.
   *
   * @param name the member name
   * @return the array, or {@code null} when absent or not an array
   */
  public JsonArray array(String name) {
    return members.get(name) instanceof JsonArray a ? a : null;
  }

  @Override
  public Object get(Object name) {
    return members.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return members.containsKey(name);
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> e = entries;
    if (e == null) {
      // why: a racy first use creates two equal views, which is harmless
      e = Collections.unmodifiableMap(members).entrySet();
      entries = e;
    }
    return e;
  }

  /** Returns the compact JSON text, as {@link JsonWriter#write} writes it. */
  @Override
  public String toString() {
    return JsonWriter.write(this);
  }

  static int capacity(int size) {
    return size < 3 ? 4 : (int) (size / 0.75f) + 1;
  }

  private static String requireName(String name) {
    if (name == null) {
      throw new NullPointerException("a JSON member name cannot be null");
    }
    return name;
  }
}
