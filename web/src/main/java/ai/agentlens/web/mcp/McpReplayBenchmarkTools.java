package ai.agentlens.web.mcp;

import static ai.agentlens.web.mcp.McpTools.prop;
import static ai.agentlens.web.mcp.McpTools.schema;
import static ai.agentlens.web.mcp.McpTools.tool;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.benchmark.Benchmarks;
import ai.agentlens.core.benchmark.InvalidBenchmarkException;
import ai.agentlens.core.benchmark.TransitionRefusedException;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.replay.ReplayQuery;
import ai.agentlens.core.replay.SessionReplay;
import ai.agentlens.web.benchmark.BenchmarkJson;
import ai.agentlens.web.mcp.McpTools.Args;
import ai.agentlens.web.mcp.McpTools.ToolError;
import ai.agentlens.web.read.ReplayJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MCP tools of session replay and A/B benchmarks (reference §4.3.10), over the same use cases
 * as {@code GET /api/sessions/{id}/replay} and {@code /api/benchmarks*}, answering the same JSON.
 * They act in the key's org: another org's session or benchmark is an error result. An API key may
 * change benchmarks, as on the HTTP routes.
 */
final class McpReplayBenchmarkTools {

  /** Steps per replay page when the caller gives no limit: a model reads the answer whole. */
  static final int DEFAULT_REPLAY_LIMIT = 100;

  private static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionReplay replays;
  private final Benchmarks benchmarks;

  McpReplayBenchmarkTools(SessionReplay replays, Benchmarks benchmarks) {
    this.replays = replays;
    this.benchmarks = benchmarks;
  }

  List<SyncToolSpecification> specs(McpJsonMapper json) {
    String statuses =
        Arrays.stream(BenchmarkStatus.values())
            .map(BenchmarkStatus::wireName)
            .collect(Collectors.joining(", "));
    return List.of(
        tool(
            json,
            "agentlens_replay",
            "Replay a session step by step (paged): each step's event, paired result and, with"
                + " includeContext, the reconstructed context so far; plus a summary.",
            schema(
                List.of("sessionId"),
                prop("sessionId", "string", "the session"),
                prop("offset", "number", "steps skipped (default 0)"),
                prop("limit", "number", "steps returned, 1..5000 (default 100)"),
                prop("eventTypes", "array", "only steps of these event types"),
                prop("includeContext", "boolean", "each step's context (default false)")),
            this::replay),
        tool(
            json,
            "agentlens_benchmark",
            "A/B benchmarks: action list (default; status?), create (name, metrics, variants"
                + " [{name, tag}], minSessionsPerVariant?, description?, agentId?, timeRange?), get,"
                + " results (Welch / chi-squared comparisons) or lifecycle (move to status).",
            schema(
                List.of(),
                prop("action", "string", "list, create, get, results or lifecycle"),
                prop("benchmarkId", "string", "for get, results and lifecycle"),
                prop("status", "string", "list filter or lifecycle target: " + statuses),
                prop("name", "string", "create: the name"),
                prop("description", "string", "create: what it compares"),
                prop("agentId", "string", "create: only this agent's sessions"),
                prop("metrics", "array", "create: metric names, e.g. avg_cost, error_rate"),
                prop("variants", "array", "create: at least two {name, tag, agentId?}"),
                prop("minSessionsPerVariant", "number", "create: sessions needed per variant"),
                prop("timeRange", "object", "create: {from?, to?} RFC 3339")),
            this::benchmark));
  }

  private String replay(ApiKeyPrincipal key, Args a) {
    ReplayQuery q =
        new ReplayQuery(
            a.integer("offset", 0, 0, Integer.MAX_VALUE),
            a.integer("limit", DEFAULT_REPLAY_LIMIT, ReplayQuery.MIN_LIMIT, ReplayQuery.MAX_LIMIT),
            eventTypes(a.raw("eventTypes")),
            bool(a, "includeContext"));
    return replays
        .replay(key.orgId(), a.required("sessionId"), q)
        .map(ReplayJson::render)
        .orElseThrow(() -> new ToolError("Session not found"));
  }

  private String benchmark(ApiKeyPrincipal key, Args a) {
    String org = key.orgId();
    String action = a.text("action") == null ? "list" : a.text("action").toLowerCase(Locale.ROOT);
    try {
      return switch (action) {
        case "list" ->
            BenchmarkJson.list(
                benchmarks.list(org, a.text("status") == null ? null : status(a.text("status"))));
        case "create" -> BenchmarkJson.one(benchmarks.create(org, body(a)));
        case "get" ->
            found(benchmarks.find(org, a.required("benchmarkId")).map(BenchmarkJson::one));
        case "results" -> found(benchmarks.results(org, a.required("benchmarkId")));
        case "lifecycle" ->
            found(
                benchmarks
                    .move(org, a.required("benchmarkId"), status(a.required("status")))
                    .map(BenchmarkJson::one));
        default -> throw new ToolError("action must be list, create, get, results or lifecycle");
      };
    } catch (InvalidBenchmarkException e) {
      throw new ToolError(
          "Validation failed: "
              + e.problems().stream()
                  .map(p -> p.path() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    } catch (TransitionRefusedException e) {
      throw new ToolError(e.getMessage());
    }
  }

  /** The create arguments as the body {@code POST /api/benchmarks} takes, through its parser. */
  private static ai.agentlens.core.json.JsonObject body(Args a) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name :
        List.of(
            "name",
            "description",
            "agentId",
            "metrics",
            "variants",
            "minSessionsPerVariant",
            "timeRange")) {
      if (a.raw(name) != null) {
        fields.put(name, a.raw(name));
      }
    }
    try {
      return Json.object("arguments", JSON.writeValueAsString(fields), MAX_BODY);
    } catch (JsonProcessingException | InvalidInputException e) {
      throw new ToolError("arguments must form a benchmark body of at most 64 KiB");
    }
  }

  private static String found(Optional<String> json) {
    return json.orElseThrow(() -> new ToolError("Benchmark not found"));
  }

  private static BenchmarkStatus status(String raw) {
    return BenchmarkStatus.parse(raw.trim().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new ToolError(
                    "status must be one of "
                        + Arrays.stream(BenchmarkStatus.values())
                            .map(BenchmarkStatus::wireName)
                            .toList()));
  }

  private static Set<EventType> eventTypes(Object raw) {
    if (raw == null) {
      return Set.of();
    }
    if (!(raw instanceof List<?> names)) {
      throw new ToolError("eventTypes must be an array of event types");
    }
    Set<EventType> out = new LinkedHashSet<>();
    for (Object n : names) {
      String name = String.valueOf(n).trim();
      if (!name.isEmpty()) {
        out.add(
            EventType.fromWireName(name)
                .orElseThrow(() -> new ToolError("eventTypes: unknown event type " + name)));
      }
    }
    return out;
  }

  private static boolean bool(Args a, String name) {
    String v = a.text(name);
    if (v == null) {
      return false;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new ToolError(name + " must be true or false");
  }
}
