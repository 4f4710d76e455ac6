package ai.agentlens.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.remediation.model.RemediationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings resolution and each remediation kind's apply and revert. */
class RemediationPlanTest {

  private static final AgentSettings DEFAULTS =
      new AgentSettings("org-model", 90, 600, "Org prompt", List.of("rm"), null);

  private static final AgentSettings OWN =
      new AgentSettings("gpt-4o", null, 100, null, null, List.of("/admin"));

  private static RemediationParams params(RemediationKind kind, String json) {
    return RemediationParams.of(kind, JsonReader.readObject(json));
  }

  private static AgentSettings roundTrip(RemediationKind kind, String json, AgentSettings own) {
    RemediationParams p = params(kind, json);
    AgentSettings applied = RemediationPlan.apply(kind, p, own, DEFAULTS);
    return RemediationPlan.restore(kind, p.keyId() != null, applied, own);
  }

  @Test
  void anAgentsOwnFieldWinsAndAnUnsetOneFallsBackToTheDefault() {
    AgentSettings e = OWN.over(DEFAULTS);
    assertThat(e)
        .isEqualTo(
            new AgentSettings("gpt-4o", 90, 100, "Org prompt", List.of("rm"), List.of("/admin")));
    assertThat(AgentSettings.NONE.over(DEFAULTS)).isEqualTo(DEFAULTS);
    assertThat(
            new AgentSettings(null, null, null, null, List.of(), null)
                .over(DEFAULTS)
                .disabledTools())
        .isEmpty();
    assertThat(e.tooRisky(90)).isTrue();
    assertThat(e.tooRisky(89)).isFalse();
    assertThat(AgentSettings.NONE.tooRisky(100)).isFalse();
    assertThat(e.toolDisabled("rm")).isTrue();
    assertThat(e.routeDisabled("/admin")).isTrue();
    assertThat(e.toolDisabled(null)).isFalse();
  }

  @Test
  void switchModelSetsThePreferredModelAndRevertRestoresIt() {
    RemediationParams p = params(RemediationKind.SWITCH_MODEL, "{\"model\":\"mini\"}");
    AgentSettings applied = RemediationPlan.apply(RemediationKind.SWITCH_MODEL, p, OWN, DEFAULTS);
    assertThat(applied.preferredModel()).isEqualTo("mini");
    assertThat(applied.rateLimitPerMinute()).isEqualTo(100);
    assertThat(roundTrip(RemediationKind.SWITCH_MODEL, "{\"model\":\"mini\"}", OWN)).isEqualTo(OWN);
    assertThat(roundTrip(RemediationKind.SWITCH_MODEL, "{\"model\":\"mini\"}", null)).isNull();
  }

  @Test
  void raiseSafetyThresholdSetsTheThresholdAndRevertRestoresIt() {
    String json = "{\"riskThreshold\":30}";
    var p = params(RemediationKind.RAISE_SAFETY_THRESHOLD, json);
    assertThat(
            RemediationPlan.apply(RemediationKind.RAISE_SAFETY_THRESHOLD, p, OWN, DEFAULTS)
                .riskThreshold())
        .isEqualTo(30);
    assertThat(roundTrip(RemediationKind.RAISE_SAFETY_THRESHOLD, json, OWN)).isEqualTo(OWN);
  }

  @Test
  void disableEndpointAddsToTheEffectiveListAndRevertRestoresTheOwnList() {
    var tool = params(RemediationKind.DISABLE_ENDPOINT, "{\"tool\":\"shell\"}");
    AgentSettings applied =
        RemediationPlan.apply(RemediationKind.DISABLE_ENDPOINT, tool, OWN, DEFAULTS);
    assertThat(applied.disabledTools()).containsExactly("rm", "shell");
    assertThat(applied.disabledRoutes()).containsExactly("/admin");
    assertThat(roundTrip(RemediationKind.DISABLE_ENDPOINT, "{\"tool\":\"shell\"}", OWN))
        .isEqualTo(OWN);
    var route = params(RemediationKind.DISABLE_ENDPOINT, "{\"route\":\"/x\"}");
    assertThat(
            RemediationPlan.apply(RemediationKind.DISABLE_ENDPOINT, route, OWN, DEFAULTS)
                .disabledRoutes())
        .containsExactly("/admin", "/x");
    assertThat(roundTrip(RemediationKind.DISABLE_ENDPOINT, "{\"route\":\"/x\"}", OWN))
        .isEqualTo(OWN);
    assertThatThrownBy(
            () -> params(RemediationKind.DISABLE_ENDPOINT, "{\"tool\":\"a\",\"route\":\"/b\"}"))
        .isInstanceOf(SettingsInvalidException.class);
    assertThatThrownBy(() -> params(RemediationKind.DISABLE_ENDPOINT, "{}"))
        .isInstanceOf(SettingsInvalidException.class);
  }

  @Test
  void resetRemovesTheRowAndRevertPutsItBack() {
    var p = params(RemediationKind.RESET_AGENT_SETTINGS, "{}");
    assertThat(RemediationPlan.apply(RemediationKind.RESET_AGENT_SETTINGS, p, OWN, DEFAULTS))
        .isNull();
    assertThat(RemediationPlan.restore(RemediationKind.RESET_AGENT_SETTINGS, false, null, OWN))
        .isEqualTo(OWN);
    assertThat(RemediationPlan.restore(RemediationKind.RESET_AGENT_SETTINGS, false, null, null))
        .isNull();
  }

  @Test
  void changeSystemPromptSetsItAndRevertRestoresIt() {
    String json = "{\"systemPrompt\":\"Be safe.\"}";
    var p = params(RemediationKind.CHANGE_SYSTEM_PROMPT, json);
    assertThat(
            RemediationPlan.apply(RemediationKind.CHANGE_SYSTEM_PROMPT, p, OWN, DEFAULTS)
                .systemPrompt())
        .isEqualTo("Be safe.");
    assertThat(roundTrip(RemediationKind.CHANGE_SYSTEM_PROMPT, json, OWN)).isEqualTo(OWN);
  }

  @Test
  void rateLimitSetsTheAgentsLimitOrLeavesTheRowForAKey() {
    var agent = params(RemediationKind.RATE_LIMIT, "{\"requestsPerMinute\":5}");
    assertThat(
            RemediationPlan.apply(RemediationKind.RATE_LIMIT, agent, OWN, DEFAULTS)
                .rateLimitPerMinute())
        .isEqualTo(5);
    assertThat(roundTrip(RemediationKind.RATE_LIMIT, "{\"requestsPerMinute\":5}", OWN))
        .isEqualTo(OWN);
    var key = params(RemediationKind.RATE_LIMIT, "{\"requestsPerMinute\":5,\"keyId\":\"k1\"}");
    assertThat(key.keyId()).isEqualTo("k1");
    assertThat(RemediationPlan.apply(RemediationKind.RATE_LIMIT, key, OWN, DEFAULTS)).isSameAs(OWN);
    assertThat(RemediationPlan.restore(RemediationKind.RATE_LIMIT, true, OWN, null)).isSameAs(OWN);
  }

  @Test
  void revertingOneKindKeepsALaterRemediationOfAnotherKind() {
    var model = params(RemediationKind.SWITCH_MODEL, "{\"model\":\"mini\"}");
    AgentSettings afterModel =
        RemediationPlan.apply(RemediationKind.SWITCH_MODEL, model, OWN, DEFAULTS);
    var prompt = params(RemediationKind.CHANGE_SYSTEM_PROMPT, "{\"systemPrompt\":\"P\"}");
    AgentSettings afterBoth =
        RemediationPlan.apply(RemediationKind.CHANGE_SYSTEM_PROMPT, prompt, afterModel, DEFAULTS);
    AgentSettings reverted =
        RemediationPlan.restore(RemediationKind.SWITCH_MODEL, false, afterBoth, OWN);
    assertThat(reverted.preferredModel()).isEqualTo("gpt-4o");
    assertThat(reverted.systemPrompt()).isEqualTo("P");
  }

  @Test
  void badParametersAreNamedUnderParams() {
    assertThatThrownBy(() -> params(RemediationKind.SWITCH_MODEL, "{\"model\":\"\"}"))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e ->
                assertThat(e.errors())
                    .extracting(SettingsError::path)
                    .containsExactly("params.model"));
    assertThatThrownBy(() -> params(RemediationKind.RATE_LIMIT, "{\"requestsPerMinute\":0}"))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e ->
                assertThat(e.errors())
                    .extracting(SettingsError::path)
                    .containsExactly("params.requestsPerMinute"));
    assertThatThrownBy(() -> params(RemediationKind.RAISE_SAFETY_THRESHOLD, "{}"))
        .isInstanceOf(SettingsInvalidException.class);
  }

  @Test
  void settingsJsonRoundTripsAndNamesEveryBadField() {
    AgentSettings s = new AgentSettings("m", 10, 20, "p", List.of("a", "b"), List.of());
    assertThat(SettingsJson.parse(SettingsJson.write(s))).isEqualTo(s);
    assertThat(SettingsJson.parse(SettingsJson.write(AgentSettings.NONE)))
        .isEqualTo(AgentSettings.NONE);
    JsonObject bad =
        JsonReader.readObject(
            "{\"riskThreshold\":101,\"rateLimitPerMinute\":0,\"disabledTools\":\"x\",\"what\":1}");
    assertThatThrownBy(() -> SettingsJson.parse(bad))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e ->
                assertThat(e.errors())
                    .extracting(SettingsError::path)
                    .containsExactlyInAnyOrder(
                        "what", "riskThreshold", "rateLimitPerMinute", "disabledTools"));
  }
}
