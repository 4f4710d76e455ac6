package ai.agentlens.web.mcp;

import static ai.agentlens.web.mcp.McpTools.prop;
import static ai.agentlens.web.mcp.McpTools.schema;
import static ai.agentlens.web.mcp.McpTools.tool;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.memory.context.Context;
import ai.agentlens.core.memory.reflect.Analysis;
import ai.agentlens.core.memory.reflect.Reflect;
import ai.agentlens.web.mcp.McpTools.Args;
import ai.agentlens.web.memory.MemoryJson;
import ai.agentlens.web.memory.MemoryParams;
import ai.agentlens.web.memory.MemoryRequests;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP tools {@code agentlens_reflect} and {@code agentlens_context} (reference §4.3.10), over
 * the same use cases and parameter rules as {@code GET /api/reflect} and {@code GET /api/context},
 * answering the same JSON, in the key's org; a bad argument is an error result naming it.
 */
final class McpMemoryTools {

  private static final List<String> NAMES =
      List.of("analysis", "topic", "userId", "agentId", "from", "to", "limit");

  private final Reflect reflect;
  private final Context context;

  McpMemoryTools(Reflect reflect, Context context) {
    this.reflect = reflect;
    this.context = context;
  }

  List<SyncToolSpecification> specs(McpJsonMapper json) {
    return List.of(
        tool(
            json,
            "agentlens_reflect",
            "Analyze stored events deterministically: error_patterns (errors grouped by message"
                + " and tool), tool_sequences (tool n-grams with error rates), cost_analysis (cost"
                + " by model and agent, top sessions) or performance_trends (latency, error rate"
                + " and cost per day with a direction).",
            schema(
                List.of("analysis"),
                prop("analysis", "string", "one of " + Analysis.wireNames()),
                prop("agentId", "string", "only this agent"),
                prop("from", "string", "RFC 3339 start (default 30 days before to)"),
                prop("to", "string", "RFC 3339 end (default now)"),
                prop("limit", "number", "insights per kind, 1..100 (default 10)")),
            this::reflect),
        tool(
            json,
            "agentlens_context",
            "Find earlier sessions about a topic, from their summaries: each with its summary,"
                + " relevance score and key events.",
            schema(
                List.of("topic"),
                prop("topic", "string", "what to find sessions about"),
                prop("userId", "string", "only sessions of this user (metadata.userId)"),
                prop("agentId", "string", "only this agent"),
                prop("from", "string", "RFC 3339: sessions started at or after"),
                prop("to", "string", "RFC 3339: sessions started before"),
                prop("limit", "number", "sessions, 1..100 (default 10)")),
            this::context));
  }

  private String reflect(ApiKeyPrincipal key, Args a) {
    return MemoryJson.reflect(reflect.run(MemoryRequests.reflect(key.orgId(), params(a))));
  }

  private String context(ApiKeyPrincipal key, Args a) {
    return MemoryJson.context(context.context(MemoryRequests.context(key.orgId(), params(a))));
  }

  private static MemoryParams params(Args a) {
    Map<String, String> values = new HashMap<>();
    for (String n : NAMES) {
      Object v = a.raw(n);
      if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
        values.put(n, Long.toString(num.longValue()));
      } else if (v != null) {
        values.put(n, v.toString());
      }
    }
    return new MemoryParams(values);
  }
}
