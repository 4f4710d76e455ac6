package ai.agentlens.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The session runs every inference in its caller. ONNX Runtime starts its pool threads from the
 * thread that creates the session, and a Linux thread inherits its creator's name, so the threads
 * of a session are the ones that bear a name only the creating thread had.
 */
class SingleThreadMiniLmTest {

  @Test
  void theSessionStartsNoThreadOfItsOwn() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
    // why: the control shows the count sees a pool; ONNX Runtime's default width is the physical
    // cores it detects, which was one on a 2-vCPU VM, so the default itself is no control there
    int twoThreads =
        threadsStartedBy(
            "orttwo",
            () -> {
              try (InputStream model = model()) {
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(2);
                return OrtEnvironment.getEnvironment().createSession(model.readAllBytes(), options);
              }
            });
    int ours = threadsStartedBy("ortsingle", () -> new SingleThreadMiniLm(Runnable::run));
    assertThat(twoThreads).as("the control: a session of two intra-op threads").isPositive();
    assertThat(ours).isZero();
  }

  @Test
  void itEmbedsLikeTheModelItWraps() {
    SingleThreadMiniLm ours = new SingleThreadMiniLm(Runnable::run);
    var theirs =
        new dev.langchain4j.model.embedding.onnx.allminilml6v2q
            .AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    assertThat(ours.dimension()).isEqualTo(384);
    for (String text : new String[] {"refund request", "tool_call: track_parcel({})"}) {
      float[] a = ours.embed(TextSegment.from(text)).content().vector();
      float[] b = theirs.embed(TextSegment.from(text)).content().vector();
      // why: one thread may sum in another order than the runtime's default; the meaning is equal
      assertThat(OnnxEmbeddingModelTest.cosine(a, b)).isGreaterThan(0.9999);
    }
  }

  private static InputStream model() throws IOException {
    return dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel
        .class
        .getResourceAsStream("/all-minilm-l6-v2-q.onnx");
  }

  // why: counted inside the creating thread, while what it created is still referenced
  private static int threadsStartedBy(String name, Callable<Object> create) throws Exception {
    AtomicReference<Object> count = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                Object created = create.call();
                count.set(namedThreads(name) - 1);
                if (created instanceof AutoCloseable session) {
                  session.close();
                }
              } catch (Exception e) {
                count.set(e);
              }
            },
            name);
    t.start();
    t.join();
    if (count.get() instanceof Exception e) {
      throw e;
    }
    return (Integer) count.get();
  }

  private static int namedThreads(String name) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return (int)
          tasks
              .filter(
                  task -> {
                    try {
                      return Files.readString(task.resolve("comm")).strip().equals(name);
                    } catch (IOException e) {
                      return false; // why: the thread ended between list and read
                    }
                  })
              .count();
    }
  }
}
