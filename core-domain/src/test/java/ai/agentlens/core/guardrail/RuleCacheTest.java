package ai.agentlens.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleCacheTest {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

  @Test
  void readsAnOrgOnceWithinTheTtlAndFiltersByAgentInTheStoresOrder() {
    CountingRuleStore store = new CountingRuleStore();
    store.insert(CountingRuleStore.metricRule("r1", "o1", null));
    store.insert(CountingRuleStore.metricRule("r2", "o1", "bot"));
    store.insert(CountingRuleStore.metricRule("r3", "o1", "other"));
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
    CountingRuleStore store = new CountingRuleStore();
    AtomicLong now = new AtomicLong(1_000);
    RuleCache cache = new RuleCache(store, now::get, 5_000);
    assertThat(cache.list("o1", "bot")).isEmpty();
    store.insert(CountingRuleStore.metricRule("r1", "o1", null));
    now.addAndGet(4_999_999_999L);
    assertThat(cache.list("o1", "bot")).isEmpty();
    now.addAndGet(1);
    assertThat(cache.list("o1", "bot")).extracting(GuardrailRule::id).containsExactly("r1");
    store.insert(CountingRuleStore.metricRule("r2", "o1", "bot"));
    cache.invalidate("o1");
    assertThat(cache.list("o1", "bot")).extracting(GuardrailRule::id).containsExactly("r1", "r2");
    assertThat(store.reads).isEqualTo(3);
  }

  @Test
  void aZeroTtlReadsTheStoreEveryTime() {
    CountingRuleStore store = new CountingRuleStore();
    RuleCache cache = new RuleCache(store, () -> 7, 0);
    cache.list("o1", null);
    cache.list("o1", null);
    assertThat(store.reads).isEqualTo(2);
  }
}
