package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.SessionStore} contract (reference §1.9): sessions are
 * materialized from their events, reported idle after the threshold, and listed newest started
 * first with pages and filters (agent, any of several statuses, start time, any of several tags),
 * and counted with the same filters.
 */
public abstract class SessionStoreContract extends StorageContract {

  private static Event at(String org, String type, Severity sev, String payload, int second) {
    return Event.unwritten(
        id("evt"),
        org,
        "sess",
        "agent-x",
        EventType.fromWireName(type).orElseThrow(),
        sev,
        Instant.parse("2026-03-01T12:00:00Z").plusSeconds(second),
        payload,
        "{}");
  }

  @Test
  void sessionsAreMaterializedFromTheirEvents() {
    String org = newOrg().id();
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    at(
                        org,
                        "session_started",
                        Severity.INFO,
                        "{\"agentName\":\"Researcher\",\"tags\":[\"a\",\"b\"]}",
                        0),
                    at(
                        org,
                        "tool_call",
                        Severity.INFO,
                        "{\"toolName\":\"t\",\"callId\":\"c\",\"arguments\":{}}",
                        1),
                    at(
                        org,
                        "tool_error",
                        Severity.INFO,
                        "{\"toolName\":\"t\",\"callId\":\"c\",\"error\":\"x\",\"durationMs\":1}",
                        2),
                    at(org, "custom", Severity.CRITICAL, "{}", 3))));
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    at(
                        org,
                        "llm_response",
                        Severity.INFO,
                        "{\"callId\":\"c\",\"provider\":\"p\",\"model\":\"m\",\"completion\":null,"
                            + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":100,"
                            + "\"outputTokens\":20,\"totalTokens\":120},\"costUsd\":0.25,"
                            + "\"latencyMs\":5}",
                        4),
                    at(org, "cost_tracked", Severity.INFO, "{\"costUsd\":0.5}", 5),
                    at(org, "session_ended", Severity.INFO, "{\"reason\":\"error\"}", 6))));
    Session s = stores.sessions().find(org, "sess").orElseThrow();
    assertThat(s.agentId()).isEqualTo("agent-x");
    assertThat(s.agentName()).isEqualTo("Researcher");
    assertThat(s.tags()).containsExactly("a", "b");
    assertThat(s.eventCount()).isEqualTo(7);
    assertThat(s.toolCallCount()).isEqualTo(1);
    assertThat(s.errorCount()).isEqualTo(2);
    assertThat(s.llmCallCount()).isEqualTo(1);
    assertThat(s.totalInputTokens()).isEqualTo(100);
    assertThat(s.totalOutputTokens()).isEqualTo(20);
    assertThat(s.totalCostUsd()).isEqualTo(0.75);
    assertThat(s.status()).isEqualTo(SessionStatus.ERROR);
    assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(s.endedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:06Z"));
    assertThat(s.lastSequence()).isEqualTo(7);
  }

  @Test
  void activeSessionsAreReportedIdleAfterTheThreshold() {
    String org = newOrg().id();
    store(org, at(org, "custom", Severity.INFO, "{}", 0));
    Session s = stores.sessions().find(org, "sess").orElseThrow();
    Instant last = s.lastEventAt();
    assertThat(s.reportedStatus(last.plusSeconds(60), Duration.ofMinutes(30)))
        .isEqualTo(SessionStatus.ACTIVE);
    assertThat(s.reportedStatus(last.plus(Duration.ofMinutes(31)), Duration.ofMinutes(30)))
        .isEqualTo(SessionStatus.IDLE);
  }

  @Test
  void listIsNewestStartedFirstWithPagesAndAgentFilter() {
    String org = newOrg().id();
    for (int i = 0; i < 5; i++) {
      append(org, "s" + i, i < 3 ? "a" : "b", Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i));
    }
    assertThat(stores.sessions().list(org, new SessionQuery(null, 2, 1)))
        .extracting(Session::id)
        .containsExactly("s3", "s2");
    assertThat(stores.sessions().list(org, new SessionQuery("a", 50, 0)))
        .extracting(Session::id)
        .containsExactly("s2", "s1", "s0");
    assertThat(stores.sessions().find(org, "missing")).isEmpty();
  }

  private void started(String org, String session, String tags, int minute, boolean end) {
    Instant t = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * minute);
    List<Event> events = new java.util.ArrayList<>();
    events.add(
        Event.unwritten(
            id("evt"),
            org,
            session,
            "agent",
            EventType.SESSION_STARTED,
            Severity.INFO,
            t,
            "{\"tags\":" + tags + "}",
            "{}"));
    if (end) {
      events.add(
          Event.unwritten(
              id("evt"),
              org,
              session,
              "agent",
              EventType.SESSION_ENDED,
              Severity.INFO,
              t.plusSeconds(1),
              "{\"reason\":\"completed\"}",
              "{}"));
    }
    stores.events().append(batch(org, events));
  }

  @Test
  void anEventOlderThanTheStartMovesTheStartAndTheOrderOfTheList() {
    String org = newOrg().id();
    started(org, "s0", "[]", 10, false);
    started(org, "s1", "[]", 20, false);
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    // a later event of s1 leaves its start alone; an older one moves it before s0's
    append(org, "s1", "agent", base.plusSeconds(60L * 25));
    assertThat(stores.sessions().find(org, "s1").orElseThrow().startedAt())
        .isEqualTo(base.plusSeconds(60L * 20));
    append(org, "s1", "agent", base.plusSeconds(60L * 5));
    assertThat(stores.sessions().find(org, "s1").orElseThrow().startedAt())
        .isEqualTo(base.plusSeconds(60L * 5));
    assertThat(list(org, null, null, null, null, null)).containsExactly("s0", "s1");
    assertThat(stores.sessions().list(org, new SessionQuery("agent", 50, 0)))
        .extracting(Session::id)
        .containsExactly("s0", "s1");
    assertThat(list(org, null, base, base.plusSeconds(60L * 7), null, null)).containsExactly("s1");
    assertThat(list(org, null, base.plusSeconds(60L * 15), null, null, null)).isEmpty();
  }

  private void append(String org, String session, String agent, Instant t) {
    store(org, event(org, session, agent, EventType.CUSTOM, "{}", t));
  }

  @Test
  void listFiltersByStatusStartTimeAndTag() {
    String org = newOrg().id();
    started(org, "s0", "[\"prod\",\"eu\"]", 0, true);
    started(org, "s1", "[\"Prod\"]", 10, false);
    started(org, "s2", "[\"production\"]", 20, false);
    started(org, "s3", "[\"prod\"]", 30, false);
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    assertThat(list(org, null, null, null, "prod", null)).containsExactly("s3", "s0");
    assertThat(list(org, SessionStatus.COMPLETED, null, null, null, null)).containsExactly("s0");
    assertThat(list(org, SessionStatus.ACTIVE, null, null, null, null))
        .containsExactly("s3", "s2", "s1");
    assertThat(list(org, null, base.plusSeconds(600), base.plusSeconds(1800), null, null))
        .containsExactly("s2", "s1");
    // idle: active and silent since before the cut-off
    assertThat(list(org, SessionStatus.IDLE, null, null, null, base.plusSeconds(1500)))
        .containsExactly("s2", "s1");
    assertThat(list(org, SessionStatus.ERROR, null, null, null, null)).isEmpty();
    assertThat(list(org, null, null, null, "nope", null)).isEmpty();
  }

  @Test
  void statusesAndTagsMatchAnyOfTheirListAndCountIgnoresThePage() {
    String org = newOrg().id();
    started(org, "s0", "[\"prod\",\"eu\"]", 0, true);
    started(org, "s1", "[\"dev\"]", 10, false);
    started(org, "s2", "[\"production\"]", 20, false);
    started(org, "s3", "[\"prod\"]", 30, false);
    Instant idleBefore = Instant.parse("2026-03-01T00:25:00Z");
    SessionQuery idleOrCompleted =
        new SessionQuery(
            null,
            Set.of(SessionStatus.IDLE, SessionStatus.COMPLETED),
            null,
            null,
            List.of(),
            idleBefore,
            50,
            0);
    assertThat(ids(org, idleOrCompleted)).containsExactly("s2", "s1", "s0");
    SessionQuery devOrEu =
        new SessionQuery(null, Set.of(), null, null, List.of("dev", "eu"), null, 1, 1);
    assertThat(ids(org, devOrEu)).containsExactly("s0");
    assertThat(stores.sessions().count(org, devOrEu)).isEqualTo(2);
    SessionQuery activeAndIdle =
        new SessionQuery(
            null,
            Set.of(SessionStatus.ACTIVE, SessionStatus.IDLE),
            null,
            null,
            List.of("prod", "production"),
            idleBefore,
            50,
            0);
    assertThat(ids(org, activeAndIdle)).containsExactly("s3", "s2");
    assertThat(stores.sessions().count(org, activeAndIdle)).isEqualTo(2);
    assertThat(stores.sessions().count(org, new SessionQuery(null, 1, 0))).isEqualTo(4);
    assertThat(stores.sessions().count(newOrg().id(), new SessionQuery(null, 1, 0))).isZero();
  }

  private List<String> ids(String org, SessionQuery q) {
    return stores.sessions().list(org, q).stream().map(Session::id).toList();
  }

  private List<String> list(
      String org, SessionStatus status, Instant from, Instant to, String tag, Instant idleBefore) {
    return stores
        .sessions()
        .list(org, new SessionQuery(null, status, from, to, tag, idleBefore, 50, 0))
        .stream()
        .map(Session::id)
        .toList();
  }

  @Test
  void maxTotalCostIsTheHighestCostAmongTheNamedSessionsOfTheOrg() {
    String org = newOrg().id();
    String other = newOrg().id();
    List<Event> events = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      String session = "s-" + i;
      named.add(session);
      events.add(cost(org, session, (i % 997) / 100.0));
    }
    stores.events().append(batch(org, events));
    stores
        .events()
        .append(batch(other, List.of(cost(other, "s-5", 99.0), cost(other, "rich", 50))));
    named.add("s-3");
    named.add("missing");
    named.add("rich");
    assertThat(stores.sessions().maxTotalCost(org, named))
        .as("over several statements' worth of ids; duplicates, unknown and other-org ids ignored")
        .hasValue(9.96);
    assertThat(stores.sessions().maxTotalCost(org, List.of("s-1", "s-2"))).hasValue(0.02);
    assertThat(stores.sessions().maxTotalCost(org, List.of("missing", "rich"))).isEmpty();
    assertThat(stores.sessions().maxTotalCost(org, List.of())).isEmpty();
    assertThat(stores.sessions().maxTotalCost(other, List.of("s-5", "s-6"))).hasValue(99.0);
  }

  private static Event cost(String org, String session, double usd) {
    return Event.unwritten(
        id("evt"),
        org,
        session,
        "agent-x",
        EventType.COST_TRACKED,
        Severity.INFO,
        Instant.parse("2026-03-01T12:00:00Z"),
        "{\"costUsd\":" + usd + "}",
        "{}");
  }
}
