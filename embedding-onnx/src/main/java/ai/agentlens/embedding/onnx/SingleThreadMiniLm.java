package ai.agentlens.embedding.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * LangChain4j's all-MiniLM-L6-v2 (quantized), with the model file and tokenizer of its artifact, in
 * an ONNX Runtime session limited to one thread. LangChain4j's own model class builds its session
 * with the runtime's default: an intra-op pool as wide as the physical cores the runtime detects,
 * whose threads spin while they wait. The embedding worker's throttle counts wall time on one
 * thread, and the docs promise that embedding takes at most one core; with one intra-op and one
 * inter-op thread every inference runs in the caller, so that holds on any machine.
 */
final class SingleThreadMiniLm extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OnnxBertBiEncoder encoder;

  /**
   * Loads the model (~23 MB) into a new single-threaded session.
   *
   * @param executor where LangChain4j runs the texts of a batch
   */
  SingleThreadMiniLm(Executor executor) {
    super(executor);
    this.encoder = load();
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }

  private static OnnxBertBiEncoder load() {
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      // why: not closed; the session may refer to its options for as long as it lives (the JVM's)
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("the model files could not be read", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refused the model: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    // why: the files ship in LangChain4j's artifact; naming its class does not initialise it
    InputStream in =
        dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel
            .class
            .getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from the classpath");
    }
    return in;
  }
}
