package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An org whose agent {@code hx} has a known health score over the default 7-day window, relative to
 * the time it is loaded:
 *
 * <pre>
 * session  started    events                                              ends
 * h-b1     10 d ago   cost $1                                             completed after 10 s
 * h-b2     12 d ago   cost $1                                             completed after 10 s
 * h-c1      1 d ago   cost $3, 2 tool_call, tool_response ok + isError   completed after 12 s
 * h-c2      2 d ago   cost $1, tool_error                                 error after 12 s
 * h-c3      3 d ago   cost $1, 2 tool_call                                completed after 12 s
 * h-c4      2 h ago   (nothing)                                           still active
 * </pre>
 *
 * Window (7 d): 4 sessions; error rate 1/4 → 75; cost mean 1.25 against the baseline's 1.00 → 75;
 * tools 4 calls, 2 failed → 50; latency 12 s against 10 s → 90; completion 2/4 → 50. Overall 0.3·75
 * + 0.2·75 + 0.2·50 + 0.15·90 + 0.15·50 = 68.5. The previous window holds h-b1 and h-b2 (no
 * baseline before it, so all 100): trend degrading, delta −31.5. Agent {@code quiet} has only a
 * session 40 days old.
 */
public final class HealthFixture {

  /** Expected overall score of {@code hx} over 7 days. */
  public static final double OVERALL = 68.5;

  /** Events of the fixture org. */
  public static final int EVENTS = 26;

  private HealthFixture() {}

  private static String ev(
      String session, String agent, String type, String severity, Instant at, String payload) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\""
        + agent
        + "\",\"eventType\":\""
        + type
        + "\",\"severity\":\""
        + severity
        + "\",\"timestamp\":\""
        + at
        + "\",\"payload\":"
        + payload
        + "}";
  }

  private static void session(
      List<String> out,
      String id,
      String agent,
      Instant start,
      double cost,
      Duration endsAfter,
      String reason) {
    out.add(ev(id, agent, "session_started", "info", start, "{\"agentName\":\"" + agent + "\"}"));
    if (cost > 0) {
      out.add(
          ev(
              id,
              agent,
              "cost_tracked",
              "info",
              start.plusSeconds(1),
              "{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":10,\"outputTokens\":5,"
                  + "\"totalTokens\":15,\"costUsd\":"
                  + cost
                  + "}"));
    }
    if (endsAfter != null) {
      out.add(
          ev(
              id,
              agent,
              "session_ended",
              "info",
              start.plus(endsAfter),
              "{\"reason\":\"" + reason + "\"}"));
    }
  }

  private static String tool(
      String session, String type, String severity, Instant at, String extra) {
    return ev(
        session,
        "hx",
        type,
        severity,
        at,
        "{\"toolName\":\"search\",\"callId\":\""
            + session
            + "-"
            + at.toEpochMilli()
            + "\""
            + extra
            + "}");
  }

  /**
   * Creates an org, ingests the fixture through {@code POST /api/events} and waits until every
   * event is stored.
   *
   * @param tenants where to create the org
   * @param api the launcher's API
   * @return the org and its key
   * @throws InterruptedException when interrupted while waiting
   */
  public static Tenant load(Tenants tenants, Api api) throws InterruptedException {
    Tenant t = tenants.create(Plan.PRO, null);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Duration tenS = Duration.ofSeconds(10);
    Duration twelveS = Duration.ofSeconds(12);
    List<String> e = new ArrayList<>();
    session(e, "h-b1", "hx", now.minus(Duration.ofDays(10)), 1.0, tenS, "completed");
    session(e, "h-b2", "hx", now.minus(Duration.ofDays(12)), 1.0, tenS, "completed");
    Instant c1 = now.minus(Duration.ofDays(1));
    session(e, "h-c1", "hx", c1, 3.0, twelveS, "completed");
    String args = ",\"arguments\":{}";
    e.add(tool("h-c1", "tool_call", "info", c1.plusSeconds(2), args));
    e.add(tool("h-c1", "tool_call", "info", c1.plusSeconds(3), args));
    e.add(
        tool(
            "h-c1",
            "tool_response",
            "info",
            c1.plusSeconds(4),
            ",\"result\":\"ok\",\"durationMs\":5"));
    e.add(
        tool(
            "h-c1",
            "tool_response",
            "info",
            c1.plusSeconds(5),
            ",\"result\":null,\"durationMs\":5,\"isError\":true"));
    Instant c2 = now.minus(Duration.ofDays(2));
    session(e, "h-c2", "hx", c2, 1.0, twelveS, "error");
    e.add(
        tool(
            "h-c2",
            "tool_error",
            "error",
            c2.plusSeconds(2),
            ",\"error\":\"boom\",\"durationMs\":5"));
    Instant c3 = now.minus(Duration.ofDays(3));
    session(e, "h-c3", "hx", c3, 1.0, twelveS, "completed");
    e.add(tool("h-c3", "tool_call", "info", c3.plusSeconds(2), args));
    e.add(tool("h-c3", "tool_call", "info", c3.plusSeconds(3), args));
    session(e, "h-c4", "hx", now.minus(Duration.ofHours(2)), 0, null, null);
    session(e, "h-q1", "quiet", now.minus(Duration.ofDays(40)), 0.5, tenS, "completed");
    assertThat(e).hasSize(EVENTS);
    Api.Reply r = api.post("/api/events", t.key(), batch(e.toArray(String[]::new)));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.awaitStoredEvents(t.key(), EVENTS, Duration.ofSeconds(10));
    return t;
  }
}
