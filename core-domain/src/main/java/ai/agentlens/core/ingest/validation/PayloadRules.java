package ai.agentlens.core.ingest.validation;

import static ai.agentlens.core.ingest.validation.FieldRule.Kind.ANY;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.BOOLEAN;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.NON_EMPTY_TEXT;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.NON_NEGATIVE_INT;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.NON_NEGATIVE_NUMBER;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.NUMBER;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.OBJECT;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.POSITIVE_INT;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.TEXT;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.TEXT_ARRAY;
import static ai.agentlens.core.ingest.validation.FieldRule.Kind.TEXT_OR_NULL;
import static ai.agentlens.core.ingest.validation.FieldRule.oneOf;
import static ai.agentlens.core.ingest.validation.FieldRule.opt;
import static ai.agentlens.core.ingest.validation.FieldRule.req;

import ai.agentlens.core.event.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-type payload schemas of reference §1.4/§1.5, as one table. Payloads are only checked,
 * never rewritten: unknown keys are kept. Deliberately lenient where real SDKs differ from the
 * reference: {@code llm_response} without {@code provider}/{@code model} (the Java SDK omits them)
 * is accepted and completed from its {@code llm_call} by {@link IngestRequestParser}; what the
 * Python SDK's framework handlers send is completed by {@link Leniency} before these rules run.
 */
final class PayloadRules {

  private PayloadRules() {}

  private static final List<FieldRule> APPROVAL_DECISION =
      List.of(
          req("requestId", NON_EMPTY_TEXT),
          req("action", NON_EMPTY_TEXT),
          req("decidedBy", NON_EMPTY_TEXT),
          opt("reason", TEXT));

  static final Map<EventType, List<FieldRule>> RULES = new EnumMap<>(EventType.class);

  static {
    RULES.put(
        EventType.SESSION_STARTED,
        List.of(
            opt("agentName", TEXT),
            opt("agentVersion", TEXT),
            opt("mcpClientInfo", OBJECT),
            opt("tags", TEXT_ARRAY)));
    RULES.put(
        EventType.SESSION_ENDED,
        List.of(
            oneOf("reason", true, "completed", "error", "timeout", "manual"),
            opt("summary", TEXT),
            opt("totalToolCalls", NUMBER),
            opt("totalDurationMs", NUMBER)));
    RULES.put(
        EventType.TOOL_CALL,
        List.of(
            req("toolName", NON_EMPTY_TEXT),
            req("callId", NON_EMPTY_TEXT),
            req("arguments", OBJECT),
            opt("serverName", TEXT)));
    RULES.put(
        EventType.TOOL_RESPONSE,
        List.of(
            req("callId", NON_EMPTY_TEXT),
            req("toolName", NON_EMPTY_TEXT),
            opt("result", ANY),
            req("durationMs", NUMBER),
            opt("isError", BOOLEAN)));
    RULES.put(
        EventType.TOOL_ERROR,
        List.of(
            req("callId", NON_EMPTY_TEXT),
            req("toolName", NON_EMPTY_TEXT),
            req("error", TEXT),
            opt("errorCode", TEXT),
            req("durationMs", NUMBER)));
    RULES.put(
        EventType.APPROVAL_REQUESTED,
        List.of(
            req("requestId", NON_EMPTY_TEXT),
            req("action", NON_EMPTY_TEXT),
            req("params", OBJECT),
            req("urgency", TEXT)));
    RULES.put(EventType.APPROVAL_GRANTED, APPROVAL_DECISION);
    RULES.put(EventType.APPROVAL_DENIED, APPROVAL_DECISION);
    RULES.put(EventType.APPROVAL_EXPIRED, APPROVAL_DECISION);
    RULES.put(
        EventType.FORM_SUBMITTED,
        List.of(
            req("submissionId", NON_EMPTY_TEXT),
            req("formId", NON_EMPTY_TEXT),
            opt("formName", TEXT),
            req("fieldCount", NUMBER)));
    RULES.put(
        EventType.FORM_COMPLETED,
        List.of(
            req("submissionId", NON_EMPTY_TEXT),
            req("formId", NON_EMPTY_TEXT),
            req("completedBy", NON_EMPTY_TEXT),
            req("durationMs", NUMBER)));
    RULES.put(
        EventType.FORM_EXPIRED,
        List.of(
            req("submissionId", NON_EMPTY_TEXT),
            req("formId", NON_EMPTY_TEXT),
            req("expiredAfterMs", NUMBER)));
    RULES.put(
        EventType.COST_TRACKED,
        List.of(
            req("provider", NON_EMPTY_TEXT),
            req("model", NON_EMPTY_TEXT),
            req("inputTokens", NUMBER),
            req("outputTokens", NUMBER),
            req("totalTokens", NUMBER),
            opt("costUsd", NUMBER),
            opt("trigger", TEXT)));
    RULES.put(
        EventType.LLM_CALL,
        List.of(
            req("callId", NON_EMPTY_TEXT),
            req("provider", NON_EMPTY_TEXT),
            req("model", NON_EMPTY_TEXT),
            // why: framework handlers (AutoGen) send [] when the framework handed them no messages
            req("messages", FieldRule.Kind.ARRAY),
            opt("systemPrompt", TEXT),
            opt("parameters", OBJECT),
            opt("tools", FieldRule.Kind.ARRAY),
            opt("redacted", BOOLEAN)));
    RULES.put(
        EventType.LLM_RESPONSE,
        List.of(
            req("callId", NON_EMPTY_TEXT),
            opt("provider", NON_EMPTY_TEXT),
            opt("model", NON_EMPTY_TEXT),
            opt("completion", TEXT_OR_NULL),
            opt("toolCalls", FieldRule.Kind.ARRAY),
            req("finishReason", NON_EMPTY_TEXT),
            req("usage", OBJECT),
            opt("costUsd", NUMBER),
            req("latencyMs", NUMBER),
            opt("redacted", BOOLEAN),
            opt("durationMs", NUMBER),
            opt("inputTokens", NUMBER),
            opt("outputTokens", NUMBER)));
    RULES.put(
        EventType.ALERT_TRIGGERED,
        List.of(
            req("alertRuleId", NON_EMPTY_TEXT),
            req("alertName", NON_EMPTY_TEXT),
            req("condition", TEXT),
            req("currentValue", NUMBER),
            req("threshold", NUMBER),
            req("message", TEXT)));
    RULES.put(
        EventType.ALERT_RESOLVED,
        List.of(
            req("alertRuleId", NON_EMPTY_TEXT),
            req("alertName", NON_EMPTY_TEXT),
            opt("resolvedBy", TEXT)));
    RULES.put(
        EventType.RETRIEVAL,
        List.of(
            req("query", TEXT),
            opt("retrieverName", TEXT),
            opt("topK", NON_NEGATIVE_INT),
            opt("resultCount", NON_NEGATIVE_INT),
            opt("durationMs", NON_NEGATIVE_NUMBER)));
    RULES.put(
        EventType.EMBEDDING,
        List.of(
            req("model", TEXT),
            req("inputCount", NON_NEGATIVE_INT),
            opt("dimensions", POSITIVE_INT),
            opt("durationMs", NON_NEGATIVE_NUMBER)));
    RULES.put(
        EventType.CHAIN_STEP,
        List.of(req("name", TEXT), opt("stepType", TEXT), opt("durationMs", NON_NEGATIVE_NUMBER)));
    RULES.put(EventType.CUSTOM, List.of(req("type", TEXT), req("data", OBJECT)));
  }

  /** The token counts inside {@code llm_response.usage}. */
  static final List<FieldRule> USAGE =
      List.of(req("inputTokens", NUMBER), req("outputTokens", NUMBER), req("totalTokens", NUMBER));
}
