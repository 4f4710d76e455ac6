package ai.agentlens.core.memory;

import ai.agentlens.core.port.memory.EmbeddingModel;
import java.util.List;
import java.util.Locale;

/** A deterministic bag-of-words model: each distinct word is its own component (no hashing). */
final class BagOfWords implements EmbeddingModel {

  private final List<String> vocabulary;

  BagOfWords(String... vocabulary) {
    this.vocabulary = List.of(vocabulary);
  }

  @Override
  public String name() {
    return "bag-of-words";
  }

  @Override
  public int dimension() {
    return vocabulary.size();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return texts.stream().map(this::vector).toList();
  }

  float[] vector(String text) {
    float[] v = new float[vocabulary.size()];
    for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      int i = vocabulary.indexOf(w);
      if (i >= 0) {
        v[i] += 1;
      }
    }
    return v;
  }
}
