package ai.agentlens.web.dashboard;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.TimelineItem;
import ai.agentlens.web.dashboard.view.TimelineItem.Fact;
import ai.agentlens.web.dashboard.view.TimelineItem.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a session's events (in chain order) into timeline entries: an {@code llm_call} and the
 * {@code llm_response} with the same {@code callId} become one entry (model, tokens, cost, latency,
 * messages unless masked), so do a {@code tool_call} and its {@code tool_response} or {@code
 * tool_error}; errors are flagged. Payloads are read through their documents, so each stored text
 * is parsed once however often the timeline looks at it.
 */
final class Timelines {

  private static final String REDACTED = "[REDACTED]";

  private Timelines() {}

  static List<TimelineItem> of(List<Event> events, boolean orgMasksPrompts) {
    Map<String, Event> responses = new HashMap<>();
    Map<String, Event> toolResults = new HashMap<>();
    for (Event e : events) {
      String callId = text(payload(e), "callId");
      if (callId == null) {
        continue;
      }
      String key = e.sessionId() + "/" + callId;
      switch (e.eventType()) {
        case LLM_RESPONSE -> responses.putIfAbsent(key, e);
        case TOOL_RESPONSE, TOOL_ERROR -> toolResults.putIfAbsent(key, e);
        default -> {}
      }
    }
    Set<String> consumed = new HashSet<>();
    List<TimelineItem> items = new ArrayList<>(events.size());
    for (Event e : events) {
      if (consumed.contains(e.id())) {
        continue;
      }
      JsonObject p = payload(e);
      String key = e.sessionId() + "/" + text(p, "callId");
      if (e.eventType() == EventType.LLM_CALL) {
        Event response = responses.get(key);
        if (response != null) {
          consumed.add(response.id());
        }
        items.add(llm(e, p, response, orgMasksPrompts));
      } else if (e.eventType() == EventType.LLM_RESPONSE) {
        items.add(llm(null, JsonObject.EMPTY, e, orgMasksPrompts));
      } else if (e.eventType() == EventType.TOOL_CALL) {
        Event result = toolResults.get(key);
        if (result != null) {
          consumed.add(result.id());
        }
        items.add(tool(e, p, result));
      } else {
        items.add(plain(e, p));
      }
    }
    return items;
  }

  private static TimelineItem llm(Event call, JsonObject cp, Event response, boolean orgMasks) {
    Event first = call != null ? call : response;
    JsonObject rp = response == null ? JsonObject.EMPTY : payload(response);
    String model = firstText(rp, cp, "model");
    String provider = firstText(rp, cp, "provider");
    List<Fact> facts = new ArrayList<>();
    if (provider != null) {
      facts.add(new Fact("Provider", provider));
    }
    JsonObject usage = rp.object("usage");
    if (usage != null) {
      facts.add(new Fact("Input tokens", Fmt.count(count(usage.get("inputTokens")))));
      facts.add(new Fact("Output tokens", Fmt.count(count(usage.get("outputTokens")))));
    }
    if (rp.get("costUsd") instanceof JsonNumber cost) {
      facts.add(new Fact("Cost", Fmt.usd(cost.doubleValue())));
    }
    if (rp.get("latencyMs") instanceof JsonNumber latency) {
      facts.add(new Fact("Latency", Fmt.ms(latency.doubleValue())));
    }
    String finish = text(rp, "finishReason");
    if (finish != null) {
      facts.add(new Fact("Finish", finish));
    }
    if (response == null) {
      facts.add(new Fact("Response", "none received"));
    }
    boolean masked =
        orgMasks
            || Boolean.TRUE.equals(cp.get("redacted"))
            || Boolean.TRUE.equals(rp.get("redacted"))
            || REDACTED.equals(text(rp, "completion"));
    List<Message> messages = new ArrayList<>();
    if (!masked) {
      String system = text(cp, "systemPrompt");
      if (system != null) {
        messages.add(new Message("system", system));
      }
      JsonArray all = cp.array("messages");
      for (Object item : all == null ? JsonArray.EMPTY : all) {
        JsonObject m = item instanceof JsonObject o ? o : JsonObject.EMPTY;
        Object content = m.get("content");
        String textContent = content instanceof String t ? t : pretty(content);
        if (REDACTED.equals(textContent)) {
          masked = true;
        }
        String role = m.string("role");
        messages.add(new Message(role == null ? "?" : role, textContent));
      }
    }
    String completion = masked ? null : text(rp, "completion");
    if (completion == null && !masked && rp.array("toolCalls") != null) {
      completion = pretty(rp.array("toolCalls"));
    }
    boolean error =
        "error".equals(finish) || isError(first) || (response != null && isError(response));
    return new TimelineItem(
        "llm",
        model == null ? "LLM call" : model,
        first.eventType().wireName(),
        first.sequence(),
        Fmt.time(first.timestamp()),
        Fmt.iso(first.timestamp()),
        error,
        facts,
        masked ? List.of() : messages,
        masked,
        completion,
        null);
  }

  private static TimelineItem tool(Event call, JsonObject p, Event result) {
    List<Fact> facts = new ArrayList<>();
    String server = text(p, "serverName");
    if (server != null) {
      facts.add(new Fact("Server", server));
    }
    String output = null;
    boolean error = isError(call);
    if (result != null) {
      JsonObject rp = payload(result);
      if (rp.get("durationMs") instanceof JsonNumber duration) {
        facts.add(new Fact("Duration", Fmt.ms(duration.doubleValue())));
      }
      if (result.eventType() == EventType.TOOL_ERROR) {
        error = true;
        output = text(rp, "error");
        String code = text(rp, "errorCode");
        if (code != null) {
          facts.add(new Fact("Error code", code));
        }
      } else {
        Object r = rp.get("result");
        output = r instanceof String t ? t : pretty(r);
        error = error || Boolean.TRUE.equals(rp.get("isError")) || isError(result);
      }
    } else {
      facts.add(new Fact("Result", "none received"));
    }
    String name = text(p, "toolName");
    return new TimelineItem(
        "tool",
        name == null ? "Tool call" : name,
        call.eventType().wireName(),
        call.sequence(),
        Fmt.time(call.timestamp()),
        Fmt.iso(call.timestamp()),
        error,
        facts,
        List.of(),
        false,
        output,
        pretty(p.get("arguments")));
  }

  private static TimelineItem plain(Event e, JsonObject p) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Severity", e.severity().wireName()));
    String output = null;
    switch (e.eventType()) {
      case SESSION_ENDED -> output = text(p, "summary");
      case TOOL_ERROR -> output = text(p, "error");
      case ALERT_TRIGGERED -> output = text(p, "message");
      default -> {}
    }
    return new TimelineItem(
        "event",
        label(e.eventType()),
        e.eventType().wireName(),
        e.sequence(),
        Fmt.time(e.timestamp()),
        Fmt.iso(e.timestamp()),
        isError(e),
        facts,
        List.of(),
        false,
        output,
        p.isEmpty() ? null : pretty(p));
  }

  private static String label(EventType t) {
    String w = t.wireName().replace('_', ' ');
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static boolean isError(Event e) {
    return e.eventType() == EventType.TOOL_ERROR
        || e.eventType() == EventType.ERROR
        || e.severity() == Severity.ERROR
        || e.severity() == Severity.CRITICAL;
  }

  private static JsonObject payload(Event e) {
    try {
      return e.payload().tree();
    } catch (JsonSyntaxException ex) {
      return JsonObject.EMPTY;
    }
  }

  private static String text(JsonObject o, String field) {
    return o.string(field);
  }

  private static String firstText(JsonObject a, JsonObject b, String field) {
    String v = text(a, field);
    return v != null ? v : text(b, field);
  }

  private static long count(Object v) {
    return v instanceof JsonNumber n ? n.longValue() : 0;
  }

  private static String pretty(Object value) {
    return value == null ? null : JsonWriter.pretty(value);
  }
}
