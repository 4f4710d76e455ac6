package ai.agentlens.core.guardrail.content;

import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;

/**
 * One finding of one content rule. The matched text itself is never returned (it may be the very
 * secret the rule guards); callers get its position.
 *
 * @param ruleId the rule
 * @param ruleName its name
 * @param conditionType its condition
 * @param actionType its action
 * @param patternName what was found, e.g. {@code email}
 * @param start first char index in the content
 * @param end index after the last char
 * @param score confidence 0..1
 * @param dryRun whether the rule only records (it does not change the decision)
 */
public record ContentMatch(
    String ruleId,
    String ruleName,
    ConditionType conditionType,
    ActionType actionType,
    String patternName,
    int start,
    int end,
    double score,
    boolean dryRun) {}
