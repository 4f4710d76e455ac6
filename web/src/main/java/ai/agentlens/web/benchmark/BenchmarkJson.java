package ai.agentlens.web.benchmark;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The benchmark's wire shape (reference §4.3.5); absent optionals are left out. */
public final class BenchmarkJson {

  private BenchmarkJson() {}

  /**
   * Renders one benchmark.
   *
   * @param b the benchmark
   * @return its JSON
   */
  public static String one(Benchmark b) {
    return JsonViews.render(g -> write(g, b));
  }

  /**
   * Renders a list of benchmarks.
   *
   * @param all the benchmarks
   * @return {@code {"benchmarks":[…],"total"}}
   */
  public static String list(List<Benchmark> all) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("benchmarks");
          for (Benchmark b : all) {
            write(g, b);
          }
          g.writeEndArray();
          g.writeNumberField("total", all.size());
          g.writeEndObject();
        });
  }

  private static void write(JsonGenerator g, Benchmark b) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", b.id());
    g.writeStringField("tenantId", b.orgId());
    g.writeStringField("name", b.name());
    text(g, "description", b.description());
    text(g, "agentId", b.agentId());
    g.writeStringField("status", b.status().wireName());
    g.writeArrayFieldStart("metrics");
    for (Metric m : b.metrics()) {
      g.writeString(m.wireName());
    }
    g.writeEndArray();
    g.writeNumberField("minSessionsPerVariant", b.minSessionsPerVariant());
    if (b.from() != null || b.to() != null) {
      g.writeObjectFieldStart("timeRange");
      if (b.from() != null) {
        g.writeStringField("from", JsonViews.time(b.from()));
      }
      if (b.to() != null) {
        g.writeStringField("to", JsonViews.time(b.to()));
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("variants");
    for (Variant v : b.variants()) {
      g.writeStartObject();
      g.writeStringField("name", v.name());
      g.writeStringField("tag", v.tag());
      text(g, "agentId", v.agentId());
      text(g, "description", v.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("createdAt", JsonViews.time(b.createdAt()));
    g.writeStringField("updatedAt", JsonViews.time(b.updatedAt()));
    if (b.completedAt() != null) {
      g.writeStringField("completedAt", JsonViews.time(b.completedAt()));
    }
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }
}
