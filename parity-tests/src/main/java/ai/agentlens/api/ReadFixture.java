package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import java.time.Duration;

/**
 * A small org with known answers for the read API suites. Four sessions (ids are per org, so
 * another org may reuse them):
 *
 * <pre>
 * session  agent    started (UTC)        events                                   status     tags
 * r-alpha  agent-a  2026-11-20T10:00:00  started, tool_call "Shoes 50%_off",       completed  prod, eu
 *                                        llm_call, llm_response "Hello WORLD",
 *                                        custom warn, ended completed
 * r-beta   agent-b  2026-11-21T10:00:00  started, tool_error (error), ended error  error      dev
 * r-gamma  agent-a  2026-11-22T10:00:00  started, custom debug {source:            idle       prod
 *                                        otlp_metric}
 * r-delta  agent-b  now                  started, custom critical "100% sure"     active     (none)
 * </pre>
 *
 * 13 events in all: 4 info starts, 1 each of tool_call, llm_call, llm_response (info), 2 ends
 * (info), warn, error, debug, critical.
 */
public final class ReadFixture {

  /** Events of the fixture org. */
  public static final int EVENTS = 13;

  private ReadFixture() {}

  private static String ev(
      String session, String agent, String type, String severity, String at, String payload) {
    return ev(session, agent, type, severity, at, payload, "{}");
  }

  private static String ev(
      String session,
      String agent,
      String type,
      String severity,
      String at,
      String payload,
      String metadata) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\""
        + agent
        + "\",\"eventType\":\""
        + type
        + "\",\"severity\":\""
        + severity
        + "\""
        + (at == null ? "" : ",\"timestamp\":\"" + at + "\"")
        + ",\"payload\":"
        + payload
        + ",\"metadata\":"
        + metadata
        + "}";
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
    String a = "2026-11-20T10:0";
    String b = "2026-11-21T10:0";
    String c = "2026-11-22T10:0";
    String body =
        batch(
            ev(
                "r-alpha",
                "agent-a",
                "session_started",
                "info",
                a + "0:00Z",
                "{\"tags\":[\"prod\",\"eu\"]}"),
            ev(
                "r-alpha",
                "agent-a",
                "tool_call",
                "info",
                a + "1:00Z",
                "{\"toolName\":\"search\",\"callId\":\"t1\",\"arguments\":{\"q\":\"Shoes 50%_off\"}}"),
            ev(
                "r-alpha",
                "agent-a",
                "llm_call",
                "info",
                a + "2:00Z",
                "{\"callId\":\"l1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}"),
            ev(
                "r-alpha",
                "agent-a",
                "llm_response",
                "info",
                a + "2:00.500Z",
                "{\"callId\":\"l1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                    + "\"completion\":\"Hello WORLD\",\"finishReason\":\"stop\",\"usage\":"
                    + "{\"inputTokens\":3,\"outputTokens\":2,\"totalTokens\":5},"
                    + "\"costUsd\":0.0001,\"latencyMs\":120}"),
            ev(
                "r-alpha",
                "agent-a",
                "custom",
                "warn",
                a + "3:00Z",
                "{\"type\":\"note\",\"data\":{\"text\":\"slow answer\"}}"),
            ev(
                "r-alpha",
                "agent-a",
                "session_ended",
                "info",
                a + "4:00Z",
                "{\"reason\":\"completed\"}"),
            ev("r-beta", "agent-b", "session_started", "info", b + "0:00Z", "{\"tags\":[\"dev\"]}"),
            ev(
                "r-beta",
                "agent-b",
                "tool_error",
                "error",
                b + "1:00Z",
                "{\"callId\":\"t2\",\"toolName\":\"fetch\",\"error\":\"timeout\",\"durationMs\":30}"),
            ev("r-beta", "agent-b", "session_ended", "info", b + "2:00Z", "{\"reason\":\"error\"}"),
            ev(
                "r-gamma",
                "agent-a",
                "session_started",
                "info",
                c + "0:00Z",
                "{\"tags\":[\"prod\"]}"),
            ev(
                "r-gamma",
                "agent-a",
                "custom",
                "debug",
                c + "1:00Z",
                "{\"type\":\"metric\",\"data\":{\"value\":1}}",
                "{\"source\":\"otlp_metric\"}"),
            ev("r-delta", "agent-b", "session_started", "info", null, "{}"),
            ev(
                "r-delta",
                "agent-b",
                "custom",
                "critical",
                null,
                "{\"type\":\"note\",\"data\":{\"text\":\"literal 100% sure\"}}"));
    Api.Reply accepted = api.post("/api/events", t.key(), body);
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    assertThat(api.awaitStoredEvents(t.key(), EVENTS, Duration.ofSeconds(10))).isEqualTo(EVENTS);
    return t;
  }
}
