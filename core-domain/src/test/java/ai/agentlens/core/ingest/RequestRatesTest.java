package ai.agentlens.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.ingest.IngestRefusedException.Reason;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestRates}: a request's key, org and agent limits go to the limiter as one {@link
 * RateLimiter#acquireAll} call (one Redis round trip on app-cloud), and a refusal names the limit
 * that refused.
 */
class RequestRatesTest {

  private static final ApiKeyPrincipal KEY = new ApiKeyPrincipal("k1", "org1", "al_live_k1", null);

  private final List<List<RateLimiter.Take>> calls = new ArrayList<>();
  private final List<List<RateLimiter.Take>> released = new ArrayList<>();
  private Function<List<RateLimiter.Take>, RateLimiter.Outcome> answer =
      takes -> RateLimiter.Outcome.ALLOWED;

  /** Answers acquireAll only: a per-bucket acquire would fail the test. */
  private final RateLimiter limiter =
      new RateLimiter() {
        @Override
        public Decision acquire(String bucket, int permits, int perMinute) {
          throw new AssertionError("one acquireAll per request, not acquire per bucket");
        }

        @Override
        public void release(String bucket, int permits, int perMinute) {
          throw new AssertionError("releaseAll, not release per bucket");
        }

        @Override
        public Outcome acquireAll(List<Take> takes) {
          calls.add(List.copyOf(takes));
          return answer.apply(takes);
        }

        @Override
        public void releaseAll(List<Take> takes) {
          released.add(List.copyOf(takes));
        }
      };

  private final AgentControlStore controls =
      Stubs.stub(
          AgentControlStore.class,
          (method, args) -> {
            if (method.equals("activeRateLimits")) {
              return Map.of("agent-b", 30);
            }
            throw new UnsupportedOperationException(method);
          });

  private final RequestRates rates =
      new RequestRates(limiter, new AgentRateLimits(controls, Instant::now));

  private static Event event(String agent) {
    return Event.unwritten(
        "e-" + agent,
        "org1",
        "s1",
        agent,
        EventType.CUSTOM,
        Severity.INFO,
        Instant.EPOCH,
        "{}",
        "{}");
  }

  @Test
  void theKeyTheOrgAndEachLimitedAgentAreOneCall() {
    List<Event> events = List.of(event("agent-a"), event("agent-b"), event("agent-b"));
    Runnable giveBack = rates.take(KEY, Plan.PRO, events);
    int pro = Tiers.of(Plan.PRO).eventsPerMinute();
    List<RateLimiter.Take> expected =
        List.of(
            new RateLimiter.Take("key:k1", 3, pro),
            new RateLimiter.Take("org:org1", 3, pro),
            new RateLimiter.Take(AgentRateLimits.bucket("org1", "agent-b"), 2, 30));
    assertThat(calls).containsExactly(expected);
    giveBack.run();
    assertThat(released).containsExactly(expected);
  }

  @Test
  void aRefusalNamesTheLimitThatRefused() {
    Duration wait = Duration.ofSeconds(4);
    answer = takes -> new RateLimiter.Outcome(1, new RateLimiter.Decision(false, wait));
    assertThatThrownBy(() -> rates.take(KEY, Plan.PRO, List.of(event("agent-b"))))
        .isInstanceOfSatisfying(
            IngestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.getMessage()).contains("per organization");
              assertThat(e.retryAfterSeconds()).isEqualTo(4);
            });
    answer = takes -> new RateLimiter.Outcome(2, new RateLimiter.Decision(false, wait));
    assertThatThrownBy(() -> rates.take(KEY, Plan.PRO, List.of(event("agent-b"))))
        .hasMessageContaining("for agent agent-b exceeded (set by a rate_limit guardrail)");
    assertThat(released).as("a refused request has nothing to give back").isEmpty();
  }

  @Test
  void aToolCallToADisabledToolIsBlockedBeforeAnyBucketIsTaken() {
    AgentSettingsStore settings =
        Stubs.stub(
            AgentSettingsStore.class,
            (method, args) -> {
              if (method.equals("all")) {
                return new AgentSettingsStore.OrgSettings(
                    AgentSettings.NONE,
                    Map.of(
                        "agent-b",
                        new AgentSettings(null, null, null, null, List.of("shell"), null)));
              }
              throw new UnsupportedOperationException(method);
            });
    RequestRates guarded =
        new RequestRates(limiter, new AgentRateLimits(controls, settings, Instant::now));
    Event call =
        Event.unwritten(
            "e-call",
            "org1",
            "s1",
            "agent-b",
            EventType.TOOL_CALL,
            Severity.INFO,
            Instant.EPOCH,
            "{\"toolName\":\"shell\"}",
            "{}");
    assertThatThrownBy(() -> guarded.take(KEY, Plan.PRO, List.of(event("agent-a"), call)))
        .isInstanceOfSatisfying(
            IngestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BLOCKED);
              assertThat(e.getMessage()).contains("Tool shell is disabled for agent agent-b");
            });
    assertThat(calls).as("nothing taken, so nothing to give back").isEmpty();
  }

  @Test
  void anUnreachableLimiterIsOverloadedNotAnUnlimitedRequest() {
    answer =
        takes -> {
          throw new IllegalStateException("rate limiter unavailable: down");
        };
    assertThatThrownBy(() -> rates.take(KEY, Plan.PRO, List.of(event("agent-a"))))
        .isInstanceOfSatisfying(
            IngestRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVERLOADED));
  }
}
