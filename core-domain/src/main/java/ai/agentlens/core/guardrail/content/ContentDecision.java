package ai.agentlens.core.guardrail.content;

import java.util.List;

/**
 * The answer of a content evaluation.
 *
 * @param decision {@code allow}, {@code block} or {@code redact}
 * @param matches every finding of every evaluated rule
 * @param evaluationMs time spent, in milliseconds
 * @param rulesEvaluated how many rules ran before the budget ran out
 * @param blockingRuleId the blocking rule, or {@code null}
 * @param redactedContent the content with redact rules' findings replaced, or {@code null}
 * @param timedOut ids of rules cut short by the budget
 */
public record ContentDecision(
    String decision,
    List<ContentMatch> matches,
    double evaluationMs,
    int rulesEvaluated,
    String blockingRuleId,
    String redactedContent,
    List<String> timedOut) {}
