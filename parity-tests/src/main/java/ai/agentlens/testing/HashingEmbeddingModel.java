package ai.agentlens.testing;

import ai.agentlens.core.port.memory.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic bag-of-words {@link EmbeddingModel} for tests: each lower-cased word of letters
 * and digits adds 1 to one of {@value #DIMENSION} components chosen by the word's hash, so texts
 * sharing words are similar and texts without a common word score 0 (barring hash collisions).
 * Needs no model file and no network. Each launcher registers it as its embedding model bean in its
 * own {@code src/test} when a suite sets {@code agentlens.test.embedding-model=hashing}.
 */
public class HashingEmbeddingModel implements EmbeddingModel {

  /** The name stored beside its vectors. */
  public static final String NAME = "test-hashing-bow";

  /** The vector length. */
  public static final int DIMENSION = 64;

  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    calls.incrementAndGet();
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(vector(t));
    }
    return out;
  }

  /**
   * Embeds one text.
   *
   * @param text the text
   * @return its vector
   */
  public static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
      }
    }
    return v;
  }

  /**
   * Returns how many times {@link #embed} was called.
   *
   * @return the count
   */
  public int calls() {
    return calls.get();
  }
}
