package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LanguageModel.Message;
import ai.agentlens.core.port.llm.LanguageModelException;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.risk.RiskReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a language model is asked for a root-cause analysis, and how its answer is read. The user
 * message is one JSON document: the incident (title, severity, trigger, agent, times, details), the
 * built-in analysis's counts, and the related requests as stored — texts already masked and
 * redacted per the org's settings, each cut to {@value #MAX_TEXT} characters. The answer must be
 * one JSON object {@code {summary, likelyCause, evidence[], recommendedFixes[]}}, possibly inside a
 * Markdown code fence.
 */
public final class RcaPrompt {

  /** The longest prompt or response text sent per request. */
  public static final int MAX_TEXT = 2_000;

  /** The longest answer asked for. */
  public static final int MAX_TOKENS = 1_200;

  static final int MAX_FIELD = 4_000;
  static final int MAX_ITEMS = 20;

  static final String SYSTEM =
      "You analyse incidents in applications built on large language models. You get one JSON"
          + " document: the incident, counts computed from its related LLM requests, and up to 20 of"
          + " those requests, newest first. Texts were masked before you see them: never guess what"
          + " a mask hides. Answer with one JSON object and nothing else, with the members"
          + " \"summary\" (one or two sentences), \"likelyCause\" (one sentence), \"evidence\""
          + " (an array of short strings citing request ids or counts) and \"recommendedFixes\""
          + " (an array of short, concrete actions).";

  private RcaPrompt() {}

  /**
   * Builds the messages.
   *
   * @param incident the incident
   * @param requests its related requests, newest first, as stored
   * @param builtin the built-in analysis of the same data
   * @return the system message, then the user message
   */
  public static List<Message> messages(
      Incident incident, List<LlmRequest> requests, RootCause builtin) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("title", incident.title());
    i.put("severity", incident.severity().wireName());
    i.put("trigger", incident.triggerType().wireName());
    i.put("agentId", incident.agentId());
    i.put("openedAt", incident.openedAt().toString());
    i.put("lastSeenAt", incident.lastSeenAt().toString());
    i.put("triggerCount", JsonNumber.of(incident.triggerCount()));
    i.put("details", details(incident.details()));
    List<Object> rows = new ArrayList<>();
    for (LlmRequest r : requests) {
      rows.add(request(r));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("incident", JsonObject.of(i));
    doc.put("counts", JsonArray.of(builtin.evidence()));
    doc.put("requests", JsonArray.of(rows));
    return List.of(
        new Message("system", SYSTEM), new Message("user", JsonWriter.write(JsonObject.of(doc))));
  }

  /**
   * Reads a model's answer.
   *
   * @param answer the completion text
   * @return the analysis (texts cut to {@value #MAX_FIELD} characters, lists to {@value
   *     #MAX_ITEMS})
   * @throws LanguageModelException when the answer holds no such JSON object
   */
  public static RootCause read(String answer) {
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw malformed("no JSON object");
    }
    JsonObject o;
    try {
      o = JsonReader.readObject(answer.substring(start, end + 1));
    } catch (JsonSyntaxException | ClassCastException e) {
      throw malformed("malformed JSON");
    }
    String summary = text(o.get("summary"));
    String cause = text(o.get("likelyCause"));
    if (summary == null || cause == null) {
      throw malformed("no summary or likelyCause");
    }
    return new RootCause(
        summary, cause, texts(o.get("evidence")), texts(o.get("recommendedFixes")));
  }

  private static JsonObject request(LlmRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("model", r.model());
    m.put("provider", r.provider());
    m.put("status", r.status().wireName());
    m.put("finishReason", r.finishReason());
    m.put("latencyMs", r.latencyMs() == null ? null : JsonNumber.of(r.latencyMs()));
    m.put("inputTokens", r.inputTokens() == null ? null : JsonNumber.of(r.inputTokens()));
    m.put("outputTokens", r.outputTokens() == null ? null : JsonNumber.of(r.outputTokens()));
    m.put("riskScore", r.riskScore() == null ? null : JsonNumber.of(r.riskScore()));
    m.put("riskReasons", JsonArray.of(r.reasons().stream().map(RiskReason::code).toList()));
    m.put("startedAt", r.startedAt().toString());
    m.put("prompt", cut(r.prompt(), MAX_TEXT));
    m.put("response", cut(r.response(), MAX_TEXT));
    return JsonObject.of(m);
  }

  private static Object details(String text) {
    try {
      return JsonReader.read(text);
    } catch (JsonSyntaxException e) {
      return text;
    }
  }

  private static String text(Object v) {
    return v instanceof String s && !s.isBlank() ? cut(s.strip(), MAX_FIELD) : null;
  }

  private static List<String> texts(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size() && out.size() < MAX_ITEMS; i++) {
        String s = text(a.get(i));
        if (s != null) {
          out.add(s);
        }
      }
    } else if (text(v) != null) {
      out.add(text(v));
    }
    return out;
  }

  // why: never split a surrogate pair, or the JSON sent would hold a lone surrogate
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end) + "…";
  }

  private static LanguageModelException malformed(String what) {
    return new LanguageModelException(
        "the model answered " + what + " instead of the analysis", null);
  }
}
