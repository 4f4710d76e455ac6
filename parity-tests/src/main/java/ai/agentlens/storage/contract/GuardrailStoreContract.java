package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link GuardrailStore} and {@link ai.agentlens.core.port.storage.AgentControlStore} contract:
 * rules round-trip with every field, list per agent, update and delete (with state and history);
 * the cooldown claim is atomic; history pages newest first with a total; nothing is visible to
 * another org; deleting the org deletes it all; agent controls set and clear.
 */
public abstract class GuardrailStoreContract extends StorageContract {

  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123456Z");

  private GuardrailStore store() {
    return stores.guardrails();
  }

  private static GuardrailRule rule(String org, String id, String json) {
    return RuleValidator.create(JsonReader.readObject(json), id, org, T0);
  }

  private static GuardrailRule later(GuardrailRule r, long seconds) {
    return new GuardrailRule(
        r.id(),
        r.orgId(),
        r.name(),
        r.description(),
        r.enabled(),
        r.conditionType(),
        r.conditionConfig(),
        r.actionType(),
        r.actionConfig(),
        r.agentId(),
        r.cooldownMinutes(),
        r.dryRun(),
        r.direction(),
        r.toolNames(),
        r.priority(),
        T0.plusSeconds(seconds),
        T0.plusSeconds(seconds));
  }

  private static GuardrailRule full(String org, String id) {
    return rule(
        org,
        id,
        "{\"name\":\"hook\",\"description\":\"d\",\"enabled\":false,\"dryRun\":false,"
            + "\"conditionType\":\"cost_limit\",\"conditionConfig\":{\"maxCostUsd\":2.5,\"scope\":\"session\"},"
            + "\"actionType\":\"notify_webhook\",\"actionConfig\":{\"url\":\"https://h.example.com/x\","
            + "\"headers\":{\"X-A\":\"1\"},\"secret\":\"s\"},\"agentId\":\"bot\",\"cooldownMinutes\":0,"
            + "\"direction\":\"output\",\"toolNames\":[\"search\",\"fetch\"],\"priority\":-7}");
  }

  private static GuardrailRule global(String org, String id) {
    return rule(
        org, id, "{\"name\":\"g\",\"conditionType\":\"pii_detection\",\"actionType\":\"block\"}");
  }

  @Test
  void rulesRoundTripListUpdateAndDelete() {
    String org = newOrg().id();
    GuardrailRule a = full(org, id("gr"));
    // listed oldest first: b is created a second after a
    GuardrailRule b = later(global(org, id("gr")), 1);
    store().insert(a);
    store().insert(b);
    assertThat(store().find(org, a.id())).contains(a);
    assertThat(store().list(org, null)).containsExactly(a, b);
    assertThat(store().list(org, "bot")).containsExactly(a, b);
    assertThat(store().list(org, "other-agent")).containsExactly(b);
    assertThatThrownBy(() -> store().insert(a)).isInstanceOf(ConflictException.class);

    GuardrailRule changed =
        RuleValidator.update(
            a, JsonReader.readObject("{\"enabled\":true,\"name\":\"renamed\"}"), T0.plusSeconds(5));
    assertThat(store().update(changed)).isTrue();
    assertThat(store().find(org, a.id())).contains(changed);

    store().evaluated(org, a.id(), T0, 1.5);
    store().appendTrigger(trigger(org, a.id(), T0));
    assertThat(store().delete(org, a.id())).isTrue();
    assertThat(store().delete(org, a.id())).isFalse();
    assertThat(store().find(org, a.id())).isEmpty();
    assertThat(store().state(org, a.id())).isEmpty();
    assertThat(store().history(org, null, 50, 0).total()).isZero();
    assertThat(store().update(changed)).isFalse();
  }

  private Trigger trigger(String org, String ruleId, Instant at) {
    return new Trigger(
        id("tr"), org, ruleId, at, 42.5, 30.0, true, "paused", "{\"agentId\":\"bot\"}");
  }

  @Test
  void stateRecordsEvaluationsAndClaimsHonourTheCooldown() {
    String org = newOrg().id();
    GuardrailRule r = global(org, id("gr"));
    store().insert(r);
    assertThat(store().state(org, r.id())).isEmpty();
    store().evaluated(org, r.id(), T0, 12.25);
    assertThat(store().state(org, r.id())).contains(new RuleState(r.id(), org, null, 0, T0, 12.25));
    Duration cool = Duration.ofMinutes(15);
    assertThat(store().claimTrigger(org, r.id(), T0, cool)).isTrue();
    assertThat(store().claimTrigger(org, r.id(), T0.plusSeconds(14 * 60), cool)).isFalse();
    assertThat(store().claimTrigger(org, r.id(), T0.plusSeconds(15 * 60), cool)).isTrue();
    store().evaluated(org, r.id(), T0.plusSeconds(901), null);
    RuleState s = store().state(org, r.id()).orElseThrow();
    assertThat(s.triggerCount()).isEqualTo(2);
    assertThat(s.lastTriggeredAt()).isEqualTo(T0.plusSeconds(15 * 60));
    assertThat(s.currentValue()).isNull();
    assertThat(store().claimTrigger(org, r.id(), T0.plusSeconds(901), Duration.ZERO)).isTrue();
    assertThat(store().claimTrigger(org, r.id(), T0.plusSeconds(30), Duration.ZERO))
        .as("without a cooldown a claim that arrives after a later one still succeeds")
        .isTrue();
    RuleState late = store().state(org, r.id()).orElseThrow();
    assertThat(late.triggerCount()).isEqualTo(4);
    assertThat(late.lastTriggeredAt()).isEqualTo(T0.plusSeconds(901));
    // a claim for an unknown rule claims nothing
    assertThat(store().claimTrigger(org, "nope", T0, Duration.ZERO)).isFalse();
  }

  @Test
  void evaluationsOfSeveralRulesAreWrittenTogetherAndUnknownRulesSkipped() {
    String org = newOrg().id();
    GuardrailRule a = global(org, id("gr"));
    GuardrailRule b = global(org, id("gr"));
    store().insert(a);
    store().insert(b);
    store().evaluated(org, a.id(), T0, 3.0);
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(a.id(), 7.5);
    values.put(b.id(), null);
    values.put("gone", 1.0);
    store().evaluated(org, values, T0.plusSeconds(60));
    assertThat(store().state(org, a.id()))
        .contains(new RuleState(a.id(), org, null, 0, T0.plusSeconds(60), 7.5));
    assertThat(store().state(org, b.id()))
        .contains(new RuleState(b.id(), org, null, 0, T0.plusSeconds(60), null));
    assertThat(store().state(org, "gone")).isEmpty();
    store().evaluated(org, Map.of(), T0.plusSeconds(120));
    assertThat(store().state(org, a.id()).orElseThrow().lastEvaluatedAt())
        .isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void historyPagesNewestFirstWithATotal() {
    String org = newOrg().id();
    GuardrailRule r1 = global(org, id("gr"));
    GuardrailRule r2 = global(org, id("gr"));
    store().insert(r1);
    store().insert(r2);
    for (int i = 0; i < 5; i++) {
      store().appendTrigger(trigger(org, i % 2 == 0 ? r1.id() : r2.id(), T0.plusSeconds(i)));
    }
    GuardrailStore.TriggerPage all = store().history(org, null, 2, 0);
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.triggers())
        .extracting(Trigger::triggeredAt)
        .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3));
    assertThat(store().history(org, null, 2, 4).triggers())
        .extracting(Trigger::triggeredAt)
        .containsExactly(T0);
    GuardrailStore.TriggerPage one = store().history(org, r1.id(), 50, 0);
    assertThat(one.total()).isEqualTo(3);
    Trigger t = one.triggers().get(0);
    assertThat(t.conditionValue()).isEqualTo(42.5);
    assertThat(t.conditionThreshold()).isEqualTo(30.0);
    assertThat(t.actionExecuted()).isTrue();
    assertThat(t.actionResult()).isEqualTo("paused");
    assertThat(JsonReader.readObject(t.metadata()).string("agentId")).isEqualTo("bot");
    store()
        .appendTrigger(
            new Trigger(
                id("tr"), org, r2.id(), T0.plusSeconds(9), null, null, false, "dry_run", null));
    Trigger bare = store().history(org, r2.id(), 1, 0).triggers().get(0);
    assertThat(bare.conditionValue()).isNull();
    assertThat(bare.conditionThreshold()).isNull();
    assertThat(bare.metadata()).isEqualTo("{}");
  }

  @Test
  void anotherOrgSeesAndChangesNothing() {
    String mine = newOrg().id();
    String other = newOrg().id();
    GuardrailRule r = full(mine, id("gr"));
    store().insert(r);
    store().appendTrigger(trigger(mine, r.id(), T0));
    assertThat(store().find(other, r.id())).isEmpty();
    assertThat(store().list(other, null)).isEmpty();
    assertThat(store().history(other, null, 50, 0).total()).isZero();
    assertThat(store().delete(other, r.id())).isFalse();
    assertThat(store().claimTrigger(other, r.id(), T0, Duration.ZERO)).isFalse();
    store().evaluated(other, r.id(), T0, 1.0);
    assertThat(store().state(other, r.id())).isEmpty();
    assertThat(store().state(mine, r.id())).isEmpty();
    GuardrailRule foreign =
        new GuardrailRule(
            r.id(),
            other,
            "x",
            null,
            true,
            r.conditionType(),
            r.conditionConfig(),
            r.actionType(),
            r.actionConfig(),
            null,
            0,
            true,
            null,
            List.of(),
            0,
            T0,
            T0);
    assertThat(store().update(foreign)).isFalse();
    assertThat(store().find(mine, r.id())).contains(r);
    assertThat(store().list(null, null)).isEmpty();
    assertThat(store().find(" ", r.id())).isEmpty();
  }

  @Test
  void deletingTheOrgDeletesItsGuardrails() {
    String org = newOrg().id();
    GuardrailRule r = global(org, id("gr"));
    store().insert(r);
    store().claimTrigger(org, r.id(), T0, Duration.ZERO);
    store().appendTrigger(trigger(org, r.id(), T0));
    assertThat(stores.orgs().delete(org)).isTrue();
    assertThat(store().list(org, null)).isEmpty();
    assertThat(store().history(org, null, 50, 0).total()).isZero();
  }

  @Test
  void agentControlsSetAndClear() {
    String org = newOrg().id();
    String other = newOrg().id();
    stores.events().append(batch(org, List.of(custom(org, id("s")))));
    var controls = stores.agentControls();
    assertThat(controls.find(org, "agent-1")).contains(AgentControl.NONE);
    assertThat(controls.find(org, "ghost")).isEmpty();
    assertThat(controls.pause(org, "ghost", T0, "x")).isFalse();
    assertThat(controls.pause(other, "agent-1", T0, "x")).isFalse();
    assertThat(controls.pause(org, "agent-1", T0, "errors")).isTrue();
    assertThat(controls.pause(org, "agent-1", T0.plusSeconds(9), "again")).isTrue();
    assertThat(controls.find(org, "agent-1")).contains(new AgentControl(T0, "errors", null));
    assertThat(controls.overrideModel(org, "agent-1", "gpt-4o-mini")).isTrue();
    // a later ingest of the same agent keeps what guardrails set
    stores.events().append(batch(org, List.of(custom(org, id("s")))));
    assertThat(controls.find(org, "agent-1"))
        .contains(new AgentControl(T0, "errors", "gpt-4o-mini"));
    assertThat(controls.unpause(org, "agent-1")).isTrue();
    assertThat(controls.overrideModel(org, "agent-1", null)).isTrue();
    assertThat(controls.find(org, "agent-1")).contains(AgentControl.NONE);
    assertThat(controls.find(other, "agent-1")).isEmpty();
  }

  @Test
  void rateLimitsAndPoliciesAreSetListedAndLapse() {
    String org = newOrg().id();
    String other = newOrg().id();
    stores.events().append(batch(org, List.of(custom(org, id("s")))));
    var controls = stores.agentControls();
    assertThat(controls.controlled(org)).isEmpty();
    assertThat(controls.activeRateLimits(org, T0)).isEmpty();
    assertThat(controls.rateLimit(org, "ghost", 5, T0.plusSeconds(60))).isFalse();
    assertThat(controls.rateLimit(other, "agent-1", 5, T0.plusSeconds(60))).isFalse();
    assertThat(controls.rateLimit(org, "agent-1", 5, T0.plusSeconds(60))).isTrue();
    assertThat(controls.activeRateLimits(org, T0)).containsExactly(Map.entry("agent-1", 5));
    assertThat(controls.activeRateLimits(org, T0.plusSeconds(60))).isEmpty();
    assertThat(controls.activeRateLimits(other, T0)).isEmpty();
    // the latest trigger wins
    assertThat(controls.rateLimit(org, "agent-1", 9, T0.plusSeconds(120))).isTrue();
    assertThat(controls.activeRateLimits(org, T0.plusSeconds(61)))
        .containsExactly(Map.entry("agent-1", 9));
    assertThat(controls.policy(org, "agent-1", "pol-1")).isTrue();
    AgentControl c = controls.find(org, "agent-1").orElseThrow();
    assertThat(c.rateLimitPerMinute()).isEqualTo(9);
    assertThat(c.rateLimitedUntil()).isEqualTo(T0.plusSeconds(120));
    assertThat(c.activeRateLimit(T0)).isEqualTo(9);
    assertThat(c.activeRateLimit(T0.plusSeconds(120))).isNull();
    assertThat(c.agentgatePolicy()).isEqualTo("pol-1");
    assertThat(controls.controlled(org)).containsOnlyKeys("agent-1");
    assertThat(controls.controlled(other)).isEmpty();
    assertThat(controls.policy(org, "agent-1", null)).isTrue();
    assertThat(controls.find(org, "agent-1").orElseThrow().agentgatePolicy()).isNull();
  }
}
