package ai.agentlens.web.mcp;

import static ai.agentlens.web.mcp.McpTools.prop;
import static ai.agentlens.web.mcp.McpTools.schema;
import static ai.agentlens.web.mcp.McpTools.tool;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.validation.IngestRequestParser;
import ai.agentlens.core.port.Clock;
import ai.agentlens.web.mcp.McpTools.Args;
import ai.agentlens.web.mcp.McpTools.ToolError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The writing MCP tools (reference §4.3.10): start a session, log an event, log an LLM call (the
 * {@code llm_call} + {@code llm_response} pair), end a session. Each builds the same request body
 * an SDK posts to {@code /api/events} and hands it to the same parser and {@link AcceptEvents} as
 * the HTTP route, so validation, quotas, rate limits and the hash chain are the route's.
 */
final class McpIngestTools {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IngestRequestParser parser;
  private final AcceptEvents accept;
  private final Clock clock;

  McpIngestTools(IngestRequestParser parser, AcceptEvents accept, Clock clock) {
    this.parser = parser;
    this.accept = accept;
    this.clock = clock;
  }

  List<SyncToolSpecification> specs(McpJsonMapper json) {
    String session = prop("sessionId", "string", "the session id");
    String agent = prop("agentId", "string", "the agent id");
    return List.of(
        tool(
            json,
            "agentlens_session_start",
            "Start a session: mints a session id (ses_…) unless one is given, records"
                + " session_started, and returns {sessionId}.",
            schema(
                List.of("agentId"),
                agent,
                prop("sessionId", "string", "optional session id to use"),
                prop("agentName", "string", "display name of the agent"),
                "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"),
            this::start),
        tool(
            json,
            "agentlens_log_event",
            "Record one event of any type (tool_call, tool_response, tool_error, custom, …) in a"
                + " session; returns the stored event id.",
            schema(
                List.of("sessionId", "agentId", "eventType"),
                session,
                agent,
                prop("eventType", "string", "event type, e.g. tool_call or custom"),
                prop("payload", "object", "the event payload (shape per event type)"),
                prop("severity", "string", "debug, info, warn, error or critical"),
                prop("metadata", "object", "free-form metadata")),
            this::log),
        tool(
            json,
            "agentlens_log_llm_call",
            "Record one LLM call: the prompt (llm_call) and the response (llm_response) with tokens,"
                + " cost and latency; returns {callId}.",
            schema(
                List.of("sessionId", "agentId", "provider", "model", "messages"),
                session,
                agent,
                prop("provider", "string", "e.g. openai or anthropic"),
                prop("model", "string", "model name"),
                "\"messages\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}",
                prop("completion", "string", "the model's answer"),
                prop("finishReason", "string", "stop, length, tool_use, content_filter or error"),
                prop("inputTokens", "number", "prompt tokens"),
                prop("outputTokens", "number", "completion tokens"),
                prop("costUsd", "number", "cost in US dollars"),
                prop("latencyMs", "number", "latency in milliseconds")),
            this::llmCall),
        tool(
            json,
            "agentlens_session_end",
            "End a session (session_ended with a reason and an optional summary).",
            schema(
                List.of("sessionId", "agentId"),
                session,
                agent,
                prop("reason", "string", "completed, error, timeout or manual (default completed)"),
                prop("summary", "string", "what happened")),
            this::end));
  }

  private String start(ApiKeyPrincipal key, Args a) {
    String sessionId = a.text("sessionId");
    if (sessionId == null) {
      sessionId =
          "ses_" + UlidCreator.getMonotonicUlid().toString().toLowerCase(java.util.Locale.ROOT);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    if (a.text("agentName") != null) {
      payload.put("agentName", a.text("agentName"));
    }
    if (a.raw("tags") instanceof List<?> tags) {
      payload.put("tags", tags);
    }
    send(key, List.of(event(sessionId, a.required("agentId"), "session_started", payload)));
    return write(Map.of("sessionId", sessionId));
  }

  private String log(ApiKeyPrincipal key, Args a) {
    Object payload = a.raw("payload") == null ? Map.of() : a.raw("payload");
    Map<String, Object> e =
        event(a.required("sessionId"), a.required("agentId"), a.required("eventType"), payload);
    if (a.text("severity") != null) {
      e.put("severity", a.text("severity"));
    }
    if (a.raw("metadata") != null) {
      e.put("metadata", a.raw("metadata"));
    }
    List<String> ids = send(key, List.of(e));
    return write(Map.of("eventId", ids.get(0)));
  }

  private String llmCall(ApiKeyPrincipal key, Args a) {
    String callId = UUID.randomUUID().toString();
    String sessionId = a.required("sessionId");
    String agentId = a.required("agentId");
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("callId", callId);
    call.put("provider", a.required("provider"));
    call.put("model", a.required("model"));
    call.put("messages", a.raw("messages"));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("callId", callId);
    response.put("provider", a.required("provider"));
    response.put("model", a.required("model"));
    response.put("completion", a.text("completion"));
    response.put("finishReason", a.text("finishReason") == null ? "stop" : a.text("finishReason"));
    long in = a.integer("inputTokens", 0, 0, Integer.MAX_VALUE);
    long out = a.integer("outputTokens", 0, 0, Integer.MAX_VALUE);
    response.put("usage", Map.of("inputTokens", in, "outputTokens", out, "totalTokens", in + out));
    response.put("costUsd", number(a, "costUsd"));
    response.put("latencyMs", number(a, "latencyMs"));
    send(
        key,
        List.of(
            event(sessionId, agentId, "llm_call", call),
            event(sessionId, agentId, "llm_response", response)));
    return write(Map.of("callId", callId));
  }

  private String end(ApiKeyPrincipal key, Args a) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("reason", a.text("reason") == null ? "completed" : a.text("reason"));
    if (a.text("summary") != null) {
      payload.put("summary", a.text("summary"));
    }
    String sessionId = a.required("sessionId");
    send(key, List.of(event(sessionId, a.required("agentId"), "session_ended", payload)));
    return write(Map.of("sessionId", sessionId, "ended", true));
  }

  private static double number(Args a, String name) {
    Object v = a.raw(name);
    if (v == null) {
      return 0;
    }
    try {
      return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw new ToolError(name + " must be a number");
    }
  }

  private static Map<String, Object> event(
      String sessionId, String agentId, String type, Object payload) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("sessionId", sessionId);
    e.put("agentId", agentId);
    e.put("eventType", type);
    e.put("payload", payload);
    return e;
  }

  private List<String> send(ApiKeyPrincipal key, List<Map<String, Object>> events) {
    Instant now = clock.now();
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(Map.of("events", events));
    } catch (JsonProcessingException e) {
      throw new ToolError("arguments are not JSON: " + e.getOriginalMessage());
    }
    List<Event> parsed = parser.parse(body, IngestRequestParser.Shape.EVENTS, key.orgId(), now);
    try {
      return accept.accept(key, parsed, now).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ToolError("Events could not be stored; retry");
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
