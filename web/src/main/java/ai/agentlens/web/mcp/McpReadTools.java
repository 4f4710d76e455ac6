package ai.agentlens.web.mcp;

import static ai.agentlens.web.mcp.McpTools.prop;
import static ai.agentlens.web.mcp.McpTools.schema;
import static ai.agentlens.web.mcp.McpTools.tool;

import ai.agentlens.core.analytics.LlmAnalytics.Granularity;
import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.optimize.CostRecommendations;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.read.EventPage;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.core.read.LlmReports;
import ai.agentlens.core.read.ReportedSession;
import ai.agentlens.core.read.SessionFilter;
import ai.agentlens.core.read.SessionList;
import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.web.alerts.AlertJson;
import ai.agentlens.web.cost.OptimizeController;
import ai.agentlens.web.guardrail.GuardrailJson;
import ai.agentlens.web.mcp.McpTools.Args;
import ai.agentlens.web.mcp.McpTools.ToolError;
import ai.agentlens.web.read.AgentHealthController;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reading MCP tools (reference §4.3.10) over the same use cases as the HTTP routes, answering
 * the same JSON: events, sessions (list, detail, timeline), agents, health, cost optimization,
 * guardrails, alerts and LLM analytics. Unknown or other orgs' ids are error results.
 */
final class McpReadTools {

  /** The tool of the {@code analytics} feature. */
  static final String ANALYTICS_TOOL = "agentlens_analytics";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The use cases the tools call. */
  record Services(
      EventReads events,
      SessionReads sessions,
      SessionTimeline timelines,
      AgentHealth health,
      CostRecommendations optimize,
      ai.agentlens.core.guardrail.Guardrails guardrails,
      AlertRuleStore alertRules,
      AlertHistory alertHistory,
      LlmReports llm,
      ai.agentlens.core.feature.FeatureGate features,
      Clock clock) {}

  private final Services s;

  McpReadTools(Services services) {
    this.s = services;
  }

  List<SyncToolSpecification> specs(McpJsonMapper json) {
    String agent = prop("agentId", "string", "only this agent");
    String limit = prop("limit", "number", "page size");
    return List.of(
        tool(
            json,
            "agentlens_query_events",
            "Query events, newest first: by session, agent, event type, time range or text.",
            schema(
                List.of(),
                prop("sessionId", "string", "only this session"),
                agent,
                prop("eventType", "string", "only this event type"),
                prop("from", "string", "RFC 3339 start"),
                prop("to", "string", "RFC 3339 end"),
                prop("search", "string", "text in the payload or metadata"),
                limit,
                prop("offset", "number", "events skipped")),
            this::events),
        tool(
            json,
            "agentlens_sessions",
            "Sessions: action list (newest first), detail or timeline (with hash-chain check).",
            schema(
                List.of(),
                prop("action", "string", "list (default), detail or timeline"),
                prop("sessionId", "string", "for detail and timeline"),
                agent,
                limit),
            this::sessions),
        tool(
            json,
            "agentlens_agents",
            "Agents: action list (default) or detail of one agent.",
            schema(List.of(), prop("action", "string", "list or detail"), agent),
            this::agents),
        tool(
            json,
            "agentlens_health",
            "Agent health scores (5 dimensions) over a window of days: one agent or all.",
            schema(List.of(), agent, prop("window", "number", "days, 1..90 (default 7)")),
            this::health),
        tool(
            json,
            "agentlens_optimize",
            "Cost optimization: cheaper-model recommendations with monthly savings.",
            schema(List.of(), agent, prop("period", "number", "days, 1..90"), limit),
            this::optimize),
        tool(
            json,
            "agentlens_guardrails",
            "Guardrails: action list (rules) or history (triggers).",
            schema(
                List.of(),
                prop("action", "string", "list (default) or history"),
                agent,
                prop("ruleId", "string", "history of this rule only"),
                limit),
            this::guardrails),
        tool(
            json,
            "agentlens_alerts",
            "Alerts: action rules (default) or history (firings).",
            schema(
                List.of(),
                prop("action", "string", "rules or history"),
                prop("ruleId", "string", "history of this rule only"),
                limit),
            this::alerts),
        tool(
            json,
            ANALYTICS_TOOL,
            "LLM analytics: calls, cost, tokens and latency by model and time bucket.",
            schema(
                List.of(),
                prop("from", "string", "RFC 3339 start (default 24 h ago)"),
                prop("to", "string", "RFC 3339 end (default now)"),
                prop("granularity", "string", "hour, day or week"),
                agent),
            this::analytics));
  }

  private String events(ApiKeyPrincipal key, Args a) {
    Set<EventType> types =
        a.text("eventType") == null
            ? Set.of()
            : Set.of(
                EventType.fromWireName(a.text("eventType"))
                    .orElseThrow(() -> new ToolError("eventType: unknown event type")));
    EventQuery q =
        new EventQuery(
            a.text("sessionId"),
            a.text("agentId"),
            types,
            Set.of(),
            instant(a, "from"),
            instant(a, "to"),
            a.text("search"),
            false,
            false,
            a.integer("limit", 50, 1, EventQuery.MAX_LIMIT),
            a.integer("offset", 0, 0, Integer.MAX_VALUE));
    EventPage page = s.events().page(key.orgId(), q);
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeFieldName("events");
          JsonViews.events(g, page.events());
          g.writeNumberField("total", page.total());
          g.writeBooleanField("hasMore", page.hasMore());
          g.writeEndObject();
        });
  }

  private String sessions(ApiKeyPrincipal key, Args a) {
    String action = action(a, "list");
    if (action.equals("list")) {
      SessionList page =
          s.sessions()
              .list(
                  key.orgId(),
                  new SessionFilter(a.text("agentId"), Set.of(), null, null, List.of()),
                  a.integer("limit", 20, 1, 100),
                  0);
      return JsonViews.render(
          g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("sessions");
            for (ReportedSession r : page.sessions()) {
              JsonViews.session(g, r);
            }
            g.writeEndArray();
            g.writeNumberField("total", page.total());
            g.writeEndObject();
          });
    }
    String id = a.required("sessionId");
    if (action.equals("detail")) {
      ReportedSession r =
          s.sessions().find(key.orgId(), id).orElseThrow(() -> new ToolError("Session not found"));
      return JsonViews.render(g -> JsonViews.session(g, r));
    }
    if (action.equals("timeline")) {
      var t =
          s.timelines()
              .read(key.orgId(), id, 0, 1_000)
              .orElseThrow(() -> new ToolError("Session not found"));
      return JsonViews.render(
          g -> {
            g.writeStartObject();
            g.writeFieldName("events");
            JsonViews.events(g, t.events());
            g.writeBooleanField("hasMore", t.hasMore());
            g.writeBooleanField("chainValid", t.chain().valid());
            g.writeEndObject();
          });
    }
    throw new ToolError("action must be list, detail or timeline");
  }

  private String agents(ApiKeyPrincipal key, Args a) {
    if (action(a, "list").equals("detail")) {
      var agent =
          s.sessions()
              .agent(key.orgId(), a.required("agentId"))
              .orElseThrow(() -> new ToolError("Agent not found"));
      return JsonViews.render(g -> JsonViews.agent(g, agent));
    }
    var list = s.sessions().agents(key.orgId());
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("agents");
          for (var agent : list) {
            JsonViews.agent(g, agent);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private String health(ApiKeyPrincipal key, Args a) {
    int window =
        a.integer(
            "window", AgentHealth.DEFAULT_WINDOW, AgentHealth.MIN_WINDOW, AgentHealth.MAX_WINDOW);
    if (a.text("agentId") != null) {
      var r =
          s.health()
              .agent(key.orgId(), a.text("agentId"), window)
              .orElseThrow(() -> new ToolError("No sessions found for agent in window"));
      return JsonViews.render(g -> AgentHealthController.report(g, r));
    }
    var overview = s.health().overview(key.orgId(), window);
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("agents");
          for (var r : overview.agents()) {
            AgentHealthController.report(g, r);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private String optimize(ApiKeyPrincipal key, Args a) {
    return OptimizeController.render(
        s.optimize()
            .recommend(
                key.orgId(),
                a.text("agentId"),
                a.integer(
                    "period",
                    CostRecommendations.DEFAULT_PERIOD,
                    CostRecommendations.MIN_PERIOD,
                    CostRecommendations.MAX_PERIOD),
                a.integer(
                    "limit",
                    CostRecommendations.DEFAULT_LIMIT,
                    CostRecommendations.MIN_LIMIT,
                    CostRecommendations.MAX_LIMIT)));
  }

  private String guardrails(ApiKeyPrincipal key, Args a) {
    if (action(a, "list").equals("history")) {
      return GuardrailJson.history(
          s.guardrails().history(key.orgId(), a.text("ruleId"), a.integer("limit", 50, 1, 200), 0));
    }
    return GuardrailJson.rules(s.guardrails().list(key.orgId(), a.text("agentId"), false));
  }

  private String alerts(ApiKeyPrincipal key, Args a) {
    if (action(a, "rules").equals("history")) {
      var page =
          s.alertHistory().list(key.orgId(), a.text("ruleId"), a.integer("limit", 50, 1, 200), 0);
      return AlertJson.history(page.firings(), page.total());
    }
    return AlertJson.rules(s.alertRules().list(key.orgId(), false));
  }

  private String analytics(ApiKeyPrincipal key, Args a) {
    if (!s.features().enabled(key.orgId(), ai.agentlens.core.plan.Feature.ANALYTICS)) {
      throw new ToolError("Forbidden: feature 'analytics' is not enabled for this org");
    }
    Instant to = instant(a, "to");
    to = to == null ? s.clock().now() : to;
    Instant from = instant(a, "from");
    from = from == null ? to.minus(Duration.ofHours(24)) : from;
    if (from.isAfter(to) || Duration.between(from, to).toDays() > 400) {
      throw new ToolError("from must be before to, at most 400 days apart");
    }
    Granularity g;
    try {
      g =
          a.text("granularity") == null
              ? Granularity.HOUR
              : Granularity.valueOf(a.text("granularity").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ToolError("granularity must be hour, day or week");
    }
    try {
      return JSON.writeValueAsString(
          s.llm().report(key.orgId(), from, to, g, a.text("agentId"), null, null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("analytics report not serializable", e);
    }
  }

  private static String action(Args a, String fallback) {
    String v = a.text("action");
    return v == null ? fallback : v.toLowerCase(Locale.ROOT);
  }

  private static Instant instant(Args a, String name) {
    String raw = a.text(name);
    if (raw == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw new ToolError(name + " must be an RFC 3339 time, e.g. 2026-01-01T00:00:00Z");
    }
  }
}
