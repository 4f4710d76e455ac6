package ai.agentlens.core.json;

import java.util.Objects;

/**
 * A JSON object as an event carries it (payload, metadata): its compact text and, once somebody
 * needed it, its tree. A document made from a tree writes its text at once (the queue, size checks
 * and storage need it); a document made from a text (storage reads, the Redis queue) parses it
 * lazily, at most once, on the first call of {@link #tree}. Immutable and thread-safe: the tree is
 * published safely and never mutated (a change makes a new tree and a new document).
 */
public final class JsonDoc {

  /** The document {@code {}}. */
  public static final JsonDoc EMPTY_OBJECT = new JsonDoc("{}", JsonObject.EMPTY);

  private final String text;
  // why: JsonObject once parsed, JsonSyntaxException when the text is not one; volatile so a tree
  // parsed by one thread is seen whole by others (it is immutable, but publication is explicit)
  private volatile Object parsed;
  private int utf8Length = -1;

  private JsonDoc(String text, Object parsed) {
    this.text = text;
    this.parsed = parsed;
  }

  /**
   * Wraps a text, to be parsed when the tree is first needed.
   *
   * @param text the text, not yet checked
   * @return the document
   * @throws NullPointerException when {@code text} is {@code null}
   */
  public static JsonDoc of(String text) {
    return new JsonDoc(Objects.requireNonNull(text, "JSON text"), null);
  }

  /**
   * Wraps a tree, writing its compact text now ({@link JsonWriter#write}).
   *
   * @param tree the object
   * @return the document
   */
  public static JsonDoc of(JsonObject tree) {
    return tree.isEmpty() ? EMPTY_OBJECT : new JsonDoc(JsonWriter.write(tree), tree);
  }

  /**
   * Returns the text.
   *
   * @return the compact text of a tree, or the text given
   */
  public String text() {
    return text;
  }

  /**
   * Returns the tree, parsing the text on the first call only.
   *
   * @return the object
   * @throws JsonSyntaxException when the text is not exactly one JSON object as {@link JsonReader}
   *     accepts it (every call throws then, without parsing again)
   */
  public JsonObject tree() {
    Object p = parsed;
    if (p == null) {
      p = parseOnce();
    }
    if (p instanceof JsonObject o) {
      return o;
    }
    throw new JsonSyntaxException(((JsonSyntaxException) p).getMessage());
  }

  private synchronized Object parseOnce() {
    // why: double-checked under the lock, so two threads asking at once still parse only once
    Object p = parsed;
    if (p == null) {
      try {
        p = JsonReader.readObject(text);
      } catch (JsonSyntaxException e) {
        p = e;
      }
      parsed = p;
    }
    return p;
  }

  /**
   * Tells whether the tree is at hand (made from a tree, or parsed already).
   *
   * @return {@code true} when {@link #tree} will not parse
   */
  public boolean isParsed() {
    return parsed instanceof JsonObject;
  }

  /**
   * Returns the size of the text in UTF-8.
   *
   * @return the number of bytes
   */
  public int utf8Length() {
    int n = utf8Length;
    if (n < 0) {
      n = Utf8.length(text);
      // why: an int is written atomically; a racing thread computes the same value
      utf8Length = n;
    }
    return n;
  }

  /**
   * Tells whether a string of the (valid) text holds a NUL character, which PostgreSQL cannot store
   * in {@code jsonb} (so neither backend accepts it). In valid JSON a NUL can only be the escape
   * {@code \}{@code u0000}; the text is scanned, not parsed.
   *
   * @return {@code true} when the text holds an unescaped {@code \}{@code u0000} escape
   */
  public boolean containsNul() {
    for (int i = text.indexOf("\\u0000"); i >= 0; i = text.indexOf("\\u0000", i + 1)) {
      int backslashes = 0;
      for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      // why: after an even run of backslashes this one starts an escape; after an odd run it is
      // itself escaped (the text says \\u0000, a backslash and "u0000")
      if (backslashes % 2 == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether a string or member name of the document holds a lone surrogate, which has no
   * UTF-8 form (see {@link Utf16}). The text is scanned; the tree is walked only when the text
   * holds a {@code \}{@code ud…} escape, which a text written from a tree never does.
   *
   * @return {@code true} when some string is not well-formed Unicode
   * @throws JsonSyntaxException when the tree must be walked and the text is not a JSON object
   */
  public boolean containsLoneSurrogate() {
    if (!Utf16.isWellFormed(text)) {
      return true;
    }
    // why: JSON may spell a surrogate as an escape; only then is the tree needed
    if (text.contains("\\ud") || text.contains("\\uD")) {
      return !Utf16.isWellFormedTree(tree());
    }
    return false;
  }

  /** Documents are equal when their texts are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof JsonDoc d && d.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the text. */
  @Override
  public String toString() {
    return text;
  }
}
