package ai.agentlens.core.otlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session and agent of a span: its own {@code session.id} (OpenInference) or {@code
 * gen_ai.conversation.id}, else the nearest ancestor's in the same request, else the resource's
 * {@code session.id}, else the trace id (one trace, one session); the agent from {@code
 * gen_ai.agent.name} likewise, else the resource's {@code service.name}, else {@code otel}. Values
 * are cleaned to what storage accepts (no control characters, at most 256 characters).
 */
final class SpanIdentity {

  static final int MAX_LENGTH = 256;
  private static final int MAX_DEPTH = 64;
  private static final String[] SESSION = {"session.id", "gen_ai.conversation.id"};
  private static final String[] AGENT = {"gen_ai.agent.name"};

  private final Map<String, OtlpSpan> bySpanId = new HashMap<>();

  SpanIdentity(List<OtlpSpan> spans) {
    for (OtlpSpan s : spans) {
      bySpanId.putIfAbsent(s.traceId() + s.spanId(), s);
    }
  }

  /** The session, taking the span's own attribute if that is where it came from. */
  String session(OtlpSpan span, SpanAttributes own) {
    String value = own.text(SESSION);
    if (value == null) {
      value = inherited(span, SESSION);
    }
    if (value == null && span.resource().get("session.id") instanceof String s) {
      value = s;
    }
    return clean(value, span.traceId());
  }

  /** The agent, taking the span's own attribute if that is where it came from. */
  String agent(OtlpSpan span, SpanAttributes own) {
    String value = own.text(AGENT);
    if (value == null) {
      value = inherited(span, AGENT);
    }
    if (value == null && span.resource().get("service.name") instanceof String s) {
      value = s;
    }
    return clean(value, "otel");
  }

  private String inherited(OtlpSpan span, String[] names) {
    OtlpSpan at = bySpanId.get(span.traceId() + span.parentSpanId());
    for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
      for (String name : names) {
        Object v = at.attributes().get(name);
        if (v instanceof String s && !s.isBlank()) {
          return s;
        }
      }
      at = bySpanId.get(at.traceId() + at.parentSpanId());
    }
    return null;
  }

  static String clean(String value, String fallback) {
    if (value == null) {
      return fallback;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
    for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    String s = out.toString().strip();
    if (!s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? fallback : s;
  }
}
