package ai.agentlens.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleCacheTest {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

  /** Counts list reads; holds rules in memory. */
  private static final class CountingStore
      implements ai.agentlens.core.port.storage.GuardrailStore {
    final List<GuardrailRule> rules = new ArrayList<>();
    int reads;

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
  }

  private static GuardrailRule rule(String id, String org, String agent) {
    String agentJson = agent == null ? "" : ",\"agentId\":\"" + agent + "\"";
    return RuleValidator.create(
        JsonReader.readObject(
            "{\"name\":\"n\",\"conditionType\":\"error_rate_threshold\","
                + "\"actionType\":\"pause_agent\""
                + agentJson
                + "}"),
        id,
        org,
        T0);
  }

  @Test
  void readsAnOrgOnceWithinTheTtlAndFiltersByAgentInTheStoresOrder() {
    CountingStore store = new CountingStore();
    store.insert(rule("r1", "o1", null));
    store.insert(rule("r2", "o1", "bot"));
    store.insert(rule("r3", "o1", "other"));
    AtomicLong now = new AtomicLong();
    RuleCache cache = new RuleCache(store, now::get, 5_000);
    assertThat(cache.list("o1", "bot")).extracting(GuardrailRule::id).containsExactly("r1", "r2");
    assertThat(cache.list("o1", "other")).extracting(GuardrailRule::id).containsExactly("r1", "r3");
    assertThat(cache.list("o1", null))
        .extracting(GuardrailRule::id)
        .containsExactly("r1", "r2", "r3");
    assertThat(cache.list("o2", "bot")).isEmpty();
    assertThat(cache.list("o2", "bot")).isEmpty();
    assertThat(store.reads).isEqualTo(2);
  }

  @Test
  void anotherProcesssChangeIsSeenAfterTheTtlAndThisProcesssAtOnce() {
    CountingStore store = new CountingStore();
    AtomicLong now = new AtomicLong(1_000);
    RuleCache cache = new RuleCache(store, now::get, 5_000);
    assertThat(cache.list("o1", "bot")).isEmpty();
    store.insert(rule("r1", "o1", null));
    now.addAndGet(4_999_999_999L);
    assertThat(cache.list("o1", "bot")).isEmpty();
    now.addAndGet(1);
    assertThat(cache.list("o1", "bot")).extracting(GuardrailRule::id).containsExactly("r1");
    store.insert(rule("r2", "o1", "bot"));
    cache.invalidate("o1");
    assertThat(cache.list("o1", "bot")).extracting(GuardrailRule::id).containsExactly("r1", "r2");
    assertThat(store.reads).isEqualTo(3);
  }

  @Test
  void aZeroTtlReadsTheStoreEveryTime() {
    CountingStore store = new CountingStore();
    RuleCache cache = new RuleCache(store, () -> 7, 0);
    cache.list("o1", null);
    cache.list("o1", null);
    assertThat(store.reads).isEqualTo(2);
  }
}
