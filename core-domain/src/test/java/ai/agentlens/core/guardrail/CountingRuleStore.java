package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A guardrail store holding rules in memory that counts list reads; rule state is not kept. */
public final class CountingRuleStore implements GuardrailStore {
  private final List<GuardrailRule> rules = new ArrayList<>();
  public int reads;

  @Override
  public List<GuardrailRule> list(String orgId, String agentId) {
    reads++;
    return rules.stream()
        .filter(r -> r.orgId().equals(orgId) && (agentId == null || r.appliesTo(agentId)))
        .toList();
  }

  @Override
  public Optional<GuardrailRule> find(String orgId, String ruleId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void insert(GuardrailRule rule) {
    rules.add(rule);
  }

  @Override
  public boolean update(GuardrailRule rule) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean delete(String orgId, String ruleId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<RuleState> state(String orgId, String ruleId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void evaluated(String orgId, String ruleId, Instant at, Double value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean claimTrigger(String orgId, String ruleId, Instant at, Duration cooldown) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void appendTrigger(Trigger trigger) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TriggerPage history(String orgId, String ruleId, int limit, int offset) {
    throw new UnsupportedOperationException();
  }

  /**
   * An enabled error-rate rule.
   *
   * @param id its id
   * @param org its org
   * @param agent its agent, or {@code null} for a global rule
   * @return the rule
   */
  public static GuardrailRule metricRule(String id, String org, String agent) {
    String agentJson = agent == null ? "" : ",\"agentId\":\"" + agent + "\"";
    return RuleValidator.create(
        JsonReader.readObject(
            "{\"name\":\"n\",\"conditionType\":\"error_rate_threshold\","
                + "\"actionType\":\"pause_agent\""
                + agentJson
                + "}"),
        id,
        org,
        Instant.parse("2026-03-14T10:00:00Z"));
  }
}
