package ai.agentlens.benchmarks;

import ai.agentlens.embedding.onnx.OnnxEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the in-process embedding model (issue 12): all-MiniLM-L6-v2 quantized, batches of
 * {@code batch} one-line event summaries shaped like the embedding worker's (tool calls, tool
 * errors, LLM calls and responses of 40–260 characters), embedded in one thread as the worker does.
 * Prints the model load time, then events/s and per-batch p50/p95 after {@code warmup} untimed
 * batches.
 *
 * <pre>
 * java -cp … ai.agentlens.benchmarks.EmbeddingThroughputBenchmark [batches=100] [batch=32] [warmup=10]
 * </pre>
 */
public final class EmbeddingThroughputBenchmark {

  private EmbeddingThroughputBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args batches, batch size, warm-up batches
   */
  public static void main(String[] args) {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long loadMs = OnnxEmbeddingModel.loadNow();
    OnnxEmbeddingModel model = new OnnxEmbeddingModel();
    List<String> texts = summaries(batch * 8);
    for (int i = 0; i < warmup; i++) {
      model.embed(slice(texts, i, batch));
    }
    long[] nanos = new long[batches];
    long start = System.nanoTime();
    for (int i = 0; i < batches; i++) {
      long t0 = System.nanoTime();
      model.embed(slice(texts, i, batch));
      nanos[i] = System.nanoTime() - t0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "model load %d ms; %d batches of %d in %.2f s: %.0f events/s; batch p50 %.1f ms, p95 %.1f"
            + " ms; %d cores, load average %s%n",
        loadMs,
        batches,
        batch,
        seconds,
        batches * (double) batch / seconds,
        nanos[batches / 2] / 1e6,
        nanos[(int) Math.min(batches - 1, Math.ceil(batches * 0.95) - 1)] / 1e6,
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
  }

  static List<String> summaries(int n) {
    String[] tools = {"issue_refund", "track_parcel", "search_docs", "send_email", "lookup_order"};
    String[] words = {
      "customer", "wants", "money", "back", "parcel", "delayed", "invoice", "address", "order",
      "status", "please", "check", "account", "password", "reset", "shipping", "refund", "policy"
    };
    List<String> out = new ArrayList<>(n);
    java.util.Random r = new java.util.Random(42);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      int len = 5 + r.nextInt(35);
      for (int w = 0; w < len; w++) {
        text.append(w == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
      }
      String tool = tools[r.nextInt(tools.length)];
      out.add(
          switch (i % 4) {
            case 0 -> "tool_call: " + tool + "({\"note\":\"" + text + "\"})";
            case 1 -> "tool_error: " + tool + " - " + text;
            case 2 -> "llm_call: gpt-4o-mini - " + text;
            default -> "llm_response: gpt-4o-mini - " + text;
          });
    }
    return out;
  }

  private static List<String> slice(List<String> texts, int i, int batch) {
    int from = (i * batch) % (texts.size() - batch);
    return texts.subList(from, from + batch);
  }

  static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }
}
