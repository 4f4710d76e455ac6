package ai.agentlens.bench;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whole agent sessions as the worker would hand them to {@code EventStore.append}: {@code
 * session_started}, 3–27 steps of {@code llm_call} + {@code llm_response} (provider, model, tokens,
 * cost, latency; 3 % of calls fail with an {@code error} event instead), 60 % of steps followed by
 * a tool call and its response (4 % a {@code tool_error}), then {@code session_ended}; about 50
 * events a session. Each session belongs to a random org of {@code orgs} and one of that org's
 * {@code agents / orgs} agents, starts at a uniformly random moment of the last {@code days} days
 * (ending two hours before {@code now}) and advances 2–30 s per event. Ids are ULIDs of the event
 * time, as the gateway mints them. Not thread-safe: one instance per loader thread.
 */
final class AnalyticsSessions {

  private static final String META = "{\"env\":\"bench\",\"source\":\"sdk-python\"}";

  private final RealisticEvents payloads;
  private final SplittableRandom random;
  private final int orgs;
  private final int agentsPerOrg;
  private final Instant first;
  private final long spanSeconds;
  private final String sessionPrefix;
  private long sessions;

  AnalyticsSessions(long seed, int orgs, int agents, Instant now, int days, String sessionPrefix) {
    this.payloads = new RealisticEvents(seed, sessionPrefix);
    this.random = payloads.random();
    this.orgs = orgs;
    this.agentsPerOrg = Math.max(1, agents / orgs);
    this.first = now.minus(Duration.ofDays(days));
    this.spanSeconds = Duration.ofDays(days).minusHours(2).toSeconds();
    this.sessionPrefix = sessionPrefix;
  }

  /** The id of org number {@code i}, the same on both launchers. */
  static String orgId(int i) {
    return String.format("bench-%03d", i);
  }

  /**
   * Returns the next session as one batch of its org.
   *
   * @return the batch
   */
  EventBatch next() {
    int org = random.nextInt(orgs);
    String orgId = orgId(org);
    String agent = "agent-" + (org * agentsPerOrg + random.nextInt(agentsPerOrg));
    String session = sessionPrefix + "-" + (sessions++);
    Instant t = first.plusSeconds(random.nextLong(spanSeconds));
    List<Event> out = new ArrayList<>(64);
    out.add(
        event(
            orgId,
            session,
            agent,
            EventType.SESSION_STARTED,
            Severity.INFO,
            t,
            "{\"agentName\":\"Support agent " + agent.substring(6) + "\",\"tags\":[\"bench\"]}"));
    boolean failed = false;
    int steps = 3 + random.nextInt(25);
    for (int s = 0; s < steps; s++) {
      int model = random.nextInt(RealisticEvents.MODELS.length);
      String callId = payloads.callId();
      t = tick(t);
      out.add(
          event(
              orgId,
              session,
              agent,
              EventType.LLM_CALL,
              Severity.INFO,
              t,
              payloads.llmCall(callId, model)));
      t = tick(t);
      if (random.nextInt(100) < 3) {
        failed = true;
        out.add(
            event(
                orgId,
                session,
                agent,
                EventType.ERROR,
                Severity.ERROR,
                t,
                "{\"message\":\"provider rate limit exceeded\",\"code\":\"429\",\"callId\":\""
                    + callId
                    + "\"}"));
        continue;
      }
      out.add(
          event(
              orgId,
              session,
              agent,
              EventType.LLM_RESPONSE,
              Severity.INFO,
              t,
              payloads.llmResponse(callId, model, true)));
      if (random.nextInt(100) < 60) {
        String tool = RealisticEvents.TOOLS[random.nextInt(RealisticEvents.TOOLS.length)];
        String toolCall = payloads.callId();
        t = tick(t);
        out.add(
            event(
                orgId,
                session,
                agent,
                EventType.TOOL_CALL,
                Severity.INFO,
                t,
                payloads.toolCall(toolCall, tool)));
        t = tick(t);
        if (random.nextInt(100) < 4) {
          out.add(
              event(
                  orgId,
                  session,
                  agent,
                  EventType.TOOL_ERROR,
                  Severity.ERROR,
                  t,
                  "{\"toolName\":\""
                      + tool
                      + "\",\"callId\":\""
                      + toolCall
                      + "\",\"error\":\"timeout after 30000 ms\"}"));
        } else {
          out.add(
              event(
                  orgId,
                  session,
                  agent,
                  EventType.TOOL_RESPONSE,
                  Severity.INFO,
                  t,
                  payloads.toolResponse(toolCall, tool)));
        }
      }
    }
    out.add(
        event(
            orgId,
            session,
            agent,
            EventType.SESSION_ENDED,
            Severity.INFO,
            tick(t),
            failed ? "{\"reason\":\"error\"}" : "{\"reason\":\"completed\"}"));
    return new EventBatch(orgId, "bench-loader", out);
  }

  private Instant tick(Instant t) {
    return t.plusMillis(2_000 + random.nextInt(28_000));
  }

  private static Event event(
      String org,
      String session,
      String agent,
      EventType type,
      Severity severity,
      Instant at,
      String payload) {
    return Event.unwritten(
        UlidCreator.getUlid(at.toEpochMilli()).toString(),
        org,
        session,
        agent,
        type,
        severity,
        at,
        payload,
        META);
  }
}
