package ai.agentlens.embedding.onnx;

import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The in-process {@link EmbeddingModel}: all-MiniLM-L6-v2, quantized, run by ONNX Runtime. The
 * model file and tokenizer ship inside LangChain4j's Maven artifact, so nothing is downloaded and
 * no key is needed; 384 dimensions, L2-normalised vectors. The model is loaded once per JVM on
 * first use (or earlier through {@link #preloadInBackground()}), so a server starts without paying
 * for it. Batches are embedded in the calling thread only, by an ONNX Runtime session of one
 * thread, so embedding uses at most one core per caller. Thread-safe.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  /** The name stored beside every vector this model makes. */
  public static final String NAME = "all-minilm-l6-v2-q";

  /** The length of every vector. */
  public static final int DIMENSION = 384;

  // why: LangChain4j parallelises a batch on its executor; running in the caller keeps the worker
  // to one core, so embedding can never starve the ingest threads on a small machine
  private static final Executor IN_CALLER = Runnable::run;

  private static volatile boolean loaded;

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
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      // why: the tokenizer rejects blank text; a blank summary still gets a (neutral) vector
      segments.add(TextSegment.from(t.isBlank() ? "-" : t));
    }
    List<Embedding> out;
    try {
      out = Loaded.MODEL.embedAll(segments).content();
    } catch (RuntimeException | LinkageError e) {
      throw new EmbeddingUnavailableException(
          "the in-process embedding model failed: " + e.getClass().getSimpleName(), e);
    }
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(e.vector());
    }
    return vectors;
  }

  /**
   * Whether the model has been loaded in this JVM.
   *
   * @return {@code true} once loaded
   */
  public static boolean loaded() {
    return loaded;
  }

  /**
   * Starts loading the model on a daemon thread, so the first embedding does not wait for it.
   * Returns at once; calling it again does nothing more.
   */
  public static void preloadInBackground() {
    Thread t = new Thread(OnnxEmbeddingModel::loadNow, "embedding-model-load");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * Loads the model now in the calling thread (once per JVM).
   *
   * @return how long this call waited, in milliseconds
   */
  public static long loadNow() {
    long start = System.nanoTime();
    try {
      Loaded.MODEL.dimension();
    } catch (RuntimeException | LinkageError e) {
      throw new EmbeddingUnavailableException(
          "the in-process embedding model could not be loaded: " + e.getClass().getSimpleName(), e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  // why: the JVM runs this holder's initialiser once, thread-safely, on first access: lazy loading
  private static final class Loaded {
    static final SingleThreadMiniLm MODEL = new SingleThreadMiniLm(IN_CALLER);

    static {
      loaded = true;
    }
  }
}
