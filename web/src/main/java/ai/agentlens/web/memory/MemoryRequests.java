package ai.agentlens.web.memory;

import ai.agentlens.core.memory.context.ContextQuery;
import ai.agentlens.core.memory.reflect.Analysis;
import ai.agentlens.core.memory.reflect.ReflectQuery;
import java.time.Instant;

/**
 * Turns route or tool parameters into reflect and context queries, with the same 400s for both:
 * {@code analysis} missing, {@code session_comparison} or unknown (listing the valid ones), {@code
 * topic} missing, limits out of range, bad times.
 */
public final class MemoryRequests {

  private MemoryRequests() {}

  /**
   * Reads a reflect query ({@code params}, sent by some SDKs, is ignored).
   *
   * @param orgId the caller's org
   * @param p the parameters
   * @return the query
   * @throws ai.agentlens.web.error.BadRequestException when a parameter is wrong
   */
  public static ReflectQuery reflect(String orgId, MemoryParams p) {
    String raw = p.text("analysis");
    Analysis analysis = null;
    String valid = "one of " + Analysis.wireNames();
    if (raw == null) {
      p.problem("analysis", "is required; " + valid);
    } else if ("session_comparison".equals(raw)) {
      p.problem("analysis", "session_comparison is not supported; " + valid);
    } else {
      analysis = Analysis.parse(raw).orElse(null);
      if (analysis == null) {
        p.problem("analysis", "unknown analysis '" + raw + "'; " + valid);
      }
    }
    int limit =
        p.integer(
            "limit", ReflectQuery.DEFAULT_LIMIT, ReflectQuery.MIN_LIMIT, ReflectQuery.MAX_LIMIT);
    Instant from = p.instant("from");
    Instant to = p.instant("to");
    p.range(from, to);
    p.check();
    return new ReflectQuery(orgId, analysis, p.text("agentId"), from, to, limit);
  }

  /**
   * Reads a context query.
   *
   * @param orgId the caller's org
   * @param p the parameters
   * @return the query
   * @throws ai.agentlens.web.error.BadRequestException when a parameter is wrong
   */
  public static ContextQuery context(String orgId, MemoryParams p) {
    String topic = p.text("topic");
    if (topic == null) {
      p.problem("topic", "is required");
    } else if (topic.length() > 1000) {
      p.problem("topic", "must be at most 1000 characters");
    }
    int limit =
        p.integer(
            "limit", ContextQuery.DEFAULT_LIMIT, ContextQuery.MIN_LIMIT, ContextQuery.MAX_LIMIT);
    Instant from = p.instant("from");
    Instant to = p.instant("to");
    p.range(from, to);
    p.check();
    return new ContextQuery(orgId, topic, p.text("userId"), p.text("agentId"), from, to, limit);
  }
}
