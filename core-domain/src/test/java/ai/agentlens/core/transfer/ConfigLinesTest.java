package ai.agentlens.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.budget.BudgetDraft;
import ai.agentlens.core.budget.BudgetRules;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each configuration line read back (as the import reads it, from its canonical text) equals what
 * was written, moved to the importing org; secrets are not written; bad values name kind and field.
 */
class ConfigLinesTest {

  private static final Instant CREATED = Instant.parse("2026-10-01T08:00:00.123456Z");
  private static final Instant UPDATED = Instant.parse("2026-11-02T09:30:00.654321Z");

  /** The line as a file holds it: canonical text, parsed again. */
  private static LineFields line(String kind, JsonObject fields) {
    StringBuilder b = new StringBuilder();
    CanonicalJson.append(b, fields.with("kind", kind));
    return new LineFields(kind, JsonReader.readObject(b.toString()));
  }

  @Test
  void aGuardrailRuleKeepsEverythingButItsWebhookSecret() {
    GuardrailRule r =
        RuleValidator.restore(
            JsonReader.readObject(
                "{\"name\":\"hook\",\"description\":\"d\",\"agentId\":\"bot\",\"cooldownMinutes\":3,"
                    + "\"dryRun\":false,\"conditionType\":\"error_rate_threshold\","
                    + "\"conditionConfig\":{\"threshold\":12.5},\"actionType\":\"notify_webhook\","
                    + "\"actionConfig\":{\"url\":\"https://hooks.example.com/g\",\"secret\":\"s3\"}}"),
            "r1",
            "o1",
            CREATED,
            UPDATED);
    JsonObject written = GuardrailRuleLine.write(r);
    assertThat(written.toString()).doesNotContain("s3\"");
    GuardrailRule back = GuardrailRuleLine.read("o2", line(GuardrailRuleLine.KIND, written));
    assertThat(back.orgId()).isEqualTo("o2");
    assertThat(back.actionConfig().get("secret")).isNull();
    assertThat(back.actionConfig().without(List.of("secret")))
        .isEqualTo(r.actionConfig().without(List.of("secret")));
    assertThat(back)
        .usingRecursiveComparison()
        .ignoringFields("orgId", "actionConfig")
        .isEqualTo(r);
  }

  @Test
  void aBudgetAnAlertRuleAnIncidentRuleAndSettingsComeBackEqual() {
    CostBudget b =
        BudgetRules.create(
            "b1",
            "o1",
            new BudgetDraft("agent", "bot", "weekly", 25.5, "pause_agent", 3.0, false, false),
            CREATED);
    b =
        new CostBudget(
            b.id(),
            b.orgId(),
            b.scope(),
            b.agentId(),
            b.period(),
            b.limitUsd(),
            b.onBreach(),
            b.anomalyMultiplier(),
            b.enabled(),
            b.createdAt(),
            UPDATED,
            b.targetModel());
    assertThat(BudgetLine.read("o2", line(BudgetLine.KIND, BudgetLine.write(b))))
        .usingRecursiveComparison()
        .ignoringFields("orgId")
        .isEqualTo(b);

    AlertRule a =
        new AlertRule(
            "a1",
            "o1",
            new AlertRule.AlertSpec(
                "Costly",
                true,
                AlertCondition.COST_EXCEEDS,
                2.5,
                30,
                "bot",
                List.of("prod"),
                List.of("https://hooks.example.com/a", "email:ops@example.com"),
                "secret-a"),
            CREATED,
            UPDATED);
    JsonObject aw = AlertRuleLine.write(a);
    assertThat(aw.toString()).doesNotContain("secret-a");
    AlertRule aBack = AlertRuleLine.read("o2", line(AlertRuleLine.KIND, aw));
    assertThat(aBack)
        .isEqualTo(new AlertRule("a1", "o2", a.spec().withSecret(null), CREATED, UPDATED));

    IncidentRule i =
        new IncidentRule(
            "i1",
            "o1",
            TriggerType.LATENCY,
            2500,
            10,
            IncidentSeverity.HIGH,
            null,
            false,
            CREATED,
            UPDATED);
    assertThat(IncidentRuleLine.read("o2", line(IncidentRuleLine.KIND, IncidentRuleLine.write(i))))
        .isEqualTo(
            new IncidentRule(
                "i1",
                "o2",
                TriggerType.LATENCY,
                2500,
                10,
                IncidentSeverity.HIGH,
                null,
                false,
                CREATED,
                UPDATED));

    AgentSettings s = new AgentSettings("gpt-4o-mini", 70, 30, "be brief", List.of("shell"), null);
    AgentSettingsLine back =
        AgentSettingsLine.read(line(AgentSettingsLine.KIND, AgentSettingsLine.write("bot", s)));
    assertThat(back).isEqualTo(new AgentSettingsLine("bot", s));
    assertThat(
            AgentSettingsLine.read(
                    line(AgentSettingsLine.KIND, AgentSettingsLine.write(null, AgentSettings.NONE)))
                .agentId())
        .isNull();
  }

  @Test
  void badValuesNameTheKindAndTheField() {
    JsonObject budget =
        JsonReader.readObject(
            "{\"id\":\"b1\",\"scope\":\"agent\",\"agentId\":\"bot\",\"period\":\"weekly\","
                + "\"limitUsd\":-1,\"onBreach\":\"alert\",\"enabled\":true,"
                + "\"createdAt\":\"2026-10-01T08:00:00Z\",\"updatedAt\":\"2026-10-01T08:00:00Z\"}");
    assertThatThrownBy(() -> BudgetLine.read("o2", line(BudgetLine.KIND, budget)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cost_budget: limitUsd");
    assertThatThrownBy(
            () ->
                IncidentRuleLine.read(
                    "o2",
                    line(
                        IncidentRuleLine.KIND,
                        JsonReader.readObject(
                            "{\"id\":\"i\",\"type\":\"latency\",\"threshold\":5,"
                                + "\"windowMinutes\":99999,\"severity\":\"high\",\"enabled\":true,"
                                + "\"createdAt\":\"2026-10-01T08:00:00Z\","
                                + "\"updatedAt\":\"2026-10-01T08:00:00Z\"}"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("incident_rule: windowMinutes");
    assertThatThrownBy(
            () ->
                AlertRuleLine.read(
                    "o2",
                    line(
                        AlertRuleLine.KIND,
                        AlertRuleLine.write(
                                new AlertRule(
                                    "a",
                                    "o1",
                                    new AlertRule.AlertSpec(
                                        "n",
                                        true,
                                        AlertCondition.COST_EXCEEDS,
                                        1,
                                        5,
                                        null,
                                        List.of(),
                                        List.of()),
                                    CREATED,
                                    CREATED))
                            .with("createdAt", "yesterday"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("alert_rule: createdAt: an RFC 3339 time is required, got 'yesterday'");
  }
}
