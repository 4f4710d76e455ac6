package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.analytics.DailyTotals;
import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.EventStore} contract: one transaction per append; each
 * new event gets the next sequence of its session and a hash chained to the previous one, and reads
 * back exactly as chained; idempotent on (org, event id), within a call and across calls;
 * concurrent writers of one session keep the chain gapless and valid; bad input is a typed domain
 * error and stores nothing of the batch; queries filter and count per org; usage is counted per
 * org, hour of writing and key; LLM usage is summed by provider, model and time bucket; export
 * pages walk an org by keyset in (session, sequence) order.
 */
public abstract class EventStoreContract extends StorageContract {

  @Test
  void appendAssignsPerSessionSequencesAndAValidHashChain() {
    String org = newOrg().id();
    List<Event> first = List.of(custom(org, "s1"), custom(org, "s2"), custom(org, "s1"));
    AppendResult r = stores.events().append(batch(org, first));
    assertThat(r.stored()).hasSize(3);
    assertThat(r.duplicateIds()).isEmpty();
    stores.events().append(batch(org, List.of(custom(org, "s1"))));

    List<Event> s1 = stores.events().timeline(org, "s1", 0, 100);
    assertThat(s1).extracting(Event::sequence).containsExactly(1L, 2L, 3L);
    assertThat(s1.get(0).prevHash()).isNull();
    assertThat(s1.get(1).prevHash()).isEqualTo(s1.get(0).hash());
    assertThat(s1.get(2).prevHash()).isEqualTo(s1.get(1).hash());
    assertThat(HashChain.verify(s1).valid()).isTrue();
    assertThat(stores.events().timeline(org, "s2", 0, 100))
        .extracting(Event::sequence)
        .containsExactly(1L);
    assertThat(stores.sessions().find(org, "s1").orElseThrow().lastHash())
        .isEqualTo(s1.get(2).hash());
  }

  @Test
  void exportPagesWalkTheOrgBySessionThenSequenceAndSeeNoOtherOrg() {
    String org = newOrg().id();
    String other = newOrg().id();
    List<Event> events = new ArrayList<>();
    for (String s : List.of("s-b", "s-a", "s-c", "s-a", "s-b", "s-a")) {
      events.add(custom(org, s));
    }
    stores.events().append(batch(org, events));
    stores.events().append(batch(other, List.of(custom(other, "s-a"))));
    List<String> walked = new ArrayList<>();
    String afterSession = "";
    long afterSequence = 0;
    for (int pages = 0; pages < 10; pages++) {
      List<Event> page =
          stores.events().exportPage(org, null, null, afterSession, afterSequence, 2);
      page.forEach(e -> walked.add(e.sessionId() + "#" + e.sequence()));
      if (page.size() < 2) {
        break;
      }
      afterSession = page.get(1).sessionId();
      afterSequence = page.get(1).sequence();
    }
    assertThat(walked).containsExactly("s-a#1", "s-a#2", "s-a#3", "s-b#1", "s-b#2", "s-c#1");
    Instant ts = events.get(0).timestamp();
    assertThat(stores.events().exportPage(org, ts.plusSeconds(1), null, "", 0, 100)).isEmpty();
    assertThat(stores.events().exportPage(org, null, ts, "", 0, 100)).isEmpty();
    assertThat(stores.events().exportPage(org, ts, ts.plusSeconds(1), "", 0, 100)).hasSize(6);
  }

  @Test
  void storedEventsReadBackExactlyAsChained() {
    String org = newOrg().id();
    Event e =
        Event.unwritten(
            id("evt"),
            org,
            "sess",
            "agent",
            EventType.TOOL_CALL,
            Severity.WARN,
            Instant.parse("2026-01-31T23:59:59.999999Z"),
            "{\"toolName\":\"grep\",\"callId\":\"c1\",\"arguments\":{\"q\":\"tab\\there \\\\ \\\"x\\\" é\"}}",
            "{\"source\":\"test\",\"n\":1.5}");
    Event stored = stores.events().append(batch(org, List.of(e))).stored().get(0);
    Event read = stores.events().find(org, e.id()).orElseThrow();
    assertThat(read.timestamp()).isEqualTo(e.timestamp());
    assertThat(read.sequence()).isEqualTo(1);
    assertThat(read.hash()).isEqualTo(stored.hash());
    assertThat(HashChain.verify(List.of(read)).valid())
        .as("hash survives the store's JSON re-serialization")
        .isTrue();
  }

  @Test
  void theSameBatchTwiceStoresEachEventOnce() {
    String org = newOrg().id();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(custom(org, "s"));
    }
    EventBatch b = new EventBatch(org, "key-1", events);
    assertThat(stores.events().append(b).stored()).hasSize(5);
    AppendResult again = stores.events().append(b);
    assertThat(again.stored()).isEmpty();
    assertThat(again.duplicateIds()).hasSize(5);
    assertThat(stores.events().count(org, EventQuery.firstPage())).isEqualTo(5);
    assertThat(stores.sessions().find(org, "s").orElseThrow().eventCount()).isEqualTo(5);
    assertThat(stores.usage().total(org, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")))
        .isEqualTo(5);
  }

  @Test
  void anIdRepeatedWithinOneCallIsStoredOnce() {
    String org = newOrg().id();
    Event e = custom(org, "s");
    AppendResult r = stores.events().append(batch(org, List.of(e, e, custom(org, "s"))));
    assertThat(r.stored()).hasSize(2);
    assertThat(r.duplicateIds()).containsExactly(e.id());
  }

  // why: the counts of a call are folded before its transaction, for the case where all of its
  // events are new; a call that repeats stored events must count only the ones it stores
  @Test
  void aCallMixingStoredAndNewEventsCountsOnlyTheNewOnes() {
    String org = newOrg().id();
    Event started =
        event(org, "s", "agent-1", EventType.SESSION_STARTED, "{\"agentName\":\"Agent One\"}");
    Event first = custom(org, "s");
    stores.events().append(new EventBatch(org, "key-1", List.of(started, first)));
    AppendResult r =
        stores
            .events()
            .append(new EventBatch(org, "key-1", List.of(started, first, custom(org, "s"))));
    assertThat(r.stored()).hasSize(1);
    assertThat(r.duplicateIds()).containsExactlyInAnyOrder(started.id(), first.id());
    assertThat(stores.usage().total(org, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")))
        .isEqualTo(3);
    assertThat(stores.agents().find(org, "agent-1").orElseThrow().sessionCount()).isEqualTo(1);
    LocalDate day = LocalDate.of(2026, 3, 14);
    assertThat(stores.rollups().daily(org, day, day))
        .extracting(DailyTotals::events)
        .containsExactly(3L);
  }

  @Test
  void concurrentWritersOfOneSessionKeepTheChainGaplessAndValid() throws Exception {
    String org = newOrg().id();
    int threads = 4;
    int batchesPerThread = 15;
    int perBatch = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < batchesPerThread; b++) {
                    List<Event> events = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                      events.add(custom(org, "hot"));
                    }
                    stores.events().append(batch(org, events));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Event> chain = stores.events().timeline(org, "hot", 0, 10_000);
    int total = threads * batchesPerThread * perBatch;
    assertThat(chain).hasSize(total);
    assertThat(chain.get(total - 1).sequence()).isEqualTo(total);
    assertThat(HashChain.verify(chain)).isEqualTo(ai.agentlens.core.event.ChainVerification.VALID);
    assertThat(stores.sessions().find(org, "hot").orElseThrow().eventCount()).isEqualTo(total);
  }

  @Test
  void badInputIsATypedDomainErrorAndNothingOfTheBatchIsStored() {
    String org = newOrg().id();
    Event good = custom(org, "s");
    List<Event> bad =
        List.of(
            event(org, "x".repeat(257), "a", EventType.CUSTOM, "{}"),
            event(org, "s", "a", EventType.CUSTOM, "{not json"),
            event(org, "s", "a", EventType.CUSTOM, "[1,2]"),
            event(org, "s", "a", EventType.CUSTOM, "{\"a\":\"nul\\u0000here\"}"),
            event(org, "s", "a", EventType.CUSTOM, "{\"big\":1e400}"),
            event("another-org", "s", "a", EventType.CUSTOM, "{}"),
            Event.unwritten(
                "i".repeat(129),
                org,
                "s",
                "a",
                EventType.CUSTOM,
                Severity.INFO,
                Instant.now(),
                "{}",
                "{}"));
    for (Event b : bad) {
      assertThatThrownBy(() -> stores.events().append(batch(org, List.of(good, b))))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(stores.events().count(org, EventQuery.firstPage())).isZero();
    assertThat(stores.sessions().find(org, "s")).isEmpty();
  }

  @Test
  void queryFiltersByAgentAndTypeNewestFirstAndCounts() {
    String org = newOrg().id();
    List<Event> events = new ArrayList<>();
    Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      events.add(
          Event.unwritten(
              id("evt"),
              org,
              "s" + (i % 2),
              i % 2 == 0 ? "alpha" : "beta",
              i % 3 == 0 ? EventType.TOOL_CALL : EventType.CUSTOM,
              Severity.INFO,
              t0.plusSeconds(i),
              "{}",
              "{}"));
    }
    stores.events().append(batch(org, events));
    EventQuery q = EventQuery.firstPage().byAgentAndType("alpha", EventType.TOOL_CALL);
    List<Event> page = stores.events().query(org, q);
    assertThat(page)
        .extracting(Event::timestamp)
        .containsExactly(t0.plusSeconds(6), t0.plusSeconds(0));
    assertThat(stores.events().count(org, q)).isEqualTo(2);
    assertThat(stores.events().query(org, EventQuery.firstPage().page(3, 2)))
        .extracting(Event::timestamp)
        .containsExactly(t0.plusSeconds(7), t0.plusSeconds(6), t0.plusSeconds(5));
    var window =
        new EventQuery(null, null, null, null, t0.plusSeconds(2), t0.plusSeconds(4), 50, 0);
    assertThat(stores.events().count(org, window)).isEqualTo(2);
  }

  @Test
  void oneCallMayCarryBatchesOfSeveralOrgs() {
    String a = newOrg().id();
    String b = newOrg().id();
    AppendResult r =
        stores
            .events()
            .append(List.of(batch(a, List.of(custom(a, "s"))), batch(b, List.of(custom(b, "s")))));
    assertThat(r.stored()).hasSize(2);
    assertThat(stores.events().timeline(a, "s", 0, 10)).hasSize(1);
    assertThat(stores.events().timeline(b, "s", 0, 10)).hasSize(1);
  }

  @Test
  void usageIsCountedPerOrgHourAndKey() {
    String org = newOrg().id();
    Instant hour = now.get().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    stores.events().append(new EventBatch(org, "k1", List.of(custom(org, "s"), custom(org, "s"))));
    stores.events().append(new EventBatch(org, "k2", List.of(custom(org, "s"))));
    stores.events().append(new EventBatch(org, null, List.of(custom(org, "s"))));
    var records = stores.usage().records(org, hour, hour.plusSeconds(3600));
    assertThat(records)
        .extracting(r -> r.apiKeyId() + "=" + r.eventCount())
        .containsExactly("=1", "k1=2", "k2=1");
    assertThat(records).allSatisfy(r -> assertThat(r.hour()).isEqualTo(hour));
  }

  private static Event llm(String org, String agent, String model, String time, String extra) {
    return Event.unwritten(
        id("evt"),
        org,
        "llm-" + agent,
        agent,
        EventType.LLM_RESPONSE,
        Severity.INFO,
        Instant.parse(time),
        "{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\""
            + model
            + "\",\"completion\":\"ok\",\"finishReason\":\"stop\""
            + extra
            + "}",
        "{}");
  }

  @Test
  void llmUsageSumsResponsesByProviderModelAndBucketInTheRange() {
    String org = newOrg().id();
    String other = newOrg().id();
    String usage = ",\"usage\":{\"inputTokens\":100,\"outputTokens\":20,\"totalTokens\":120}";
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    llm(
                        org,
                        "a",
                        "gpt-4o",
                        "2026-03-01T10:05:00Z",
                        usage + ",\"costUsd\":0.5,\"latencyMs\":100"),
                    llm(
                        org,
                        "a",
                        "gpt-4o",
                        "2026-03-01T10:55:00Z",
                        usage + ",\"costUsd\":0.25,\"latencyMs\":300"),
                    llm(org, "b", "gpt-4o", "2026-03-01T11:00:00Z", usage + ",\"costUsd\":1"),
                    llm(org, "b", "mini", "2026-03-01T11:30:00Z", ",\"costUsd\":\"free\""),
                    llm(org, "a", "gpt-4o", "2026-03-02T10:00:00Z", usage + ",\"costUsd\":9"),
                    custom(org, "llm-a"))));
    stores
        .events()
        .append(batch(other, List.of(llm(other, "a", "gpt-4o", "2026-03-01T10:10:00Z", ""))));
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant to = Instant.parse("2026-03-01T23:59:59Z");
    List<LlmUsage> hourly =
        stores.events().llmUsage(org, new LlmUsageQuery(from, to, null, LlmUsageQuery.HOUR));
    assertThat(hourly)
        .extracting(
            r ->
                r.model()
                    + "@"
                    + r.bucket()
                    + " calls="
                    + r.calls()
                    + " cost="
                    + r.costUsd()
                    + " in="
                    + r.inputTokens()
                    + " out="
                    + r.outputTokens()
                    + " lat="
                    + r.latencySumMs()
                    + "/"
                    + r.latencyCount())
        .containsExactlyInAnyOrder(
            "gpt-4o@2026-03-01T10:00:00Z calls=2 cost=0.75 in=200 out=40 lat=400.0/2",
            "gpt-4o@2026-03-01T11:00:00Z calls=1 cost=1.0 in=100 out=20 lat=0.0/0",
            "mini@2026-03-01T11:00:00Z calls=1 cost=0.0 in=0 out=0 lat=0.0/0");
    assertThat(hourly).allSatisfy(r -> assertThat(r.provider()).isEqualTo("openai"));
    List<LlmUsage> daily =
        stores
            .events()
            .llmUsage(
                org,
                new LlmUsageQuery(
                    from, Instant.parse("2026-03-03T00:00:00Z"), "a", LlmUsageQuery.DAY));
    assertThat(daily)
        .extracting(r -> r.bucket() + " " + r.calls())
        .containsExactlyInAnyOrder("2026-03-01T00:00:00Z 2", "2026-03-02T00:00:00Z 1");
    assertThat(
            stores
                .events()
                .llmUsage("no-such-org", new LlmUsageQuery(from, to, null, LlmUsageQuery.HOUR)))
        .isEmpty();
  }
}
