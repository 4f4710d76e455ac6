package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.alerting.HealthAggregates;
import ai.agentlens.core.port.alerting.HealthAggregates.SessionTotals;
import ai.agentlens.core.port.alerting.HealthAggregates.ToolTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link HealthAggregates}: sessions are totalled by agent over {@code startedAt}
 * in {@code [from, to)}, tool events over their timestamp in {@code [from, to)}; only a top-level
 * JSON {@code isError: true} (not {@code false}, not a nested one) makes a tool response failed;
 * the agent filter narrows both; nothing of one org is visible to another. Expected values are
 * counted by hand from the events below; over a random fixture, the org-wide counts (read from the
 * roll-ups where a backend keeps them) equal both a count over the fixture and the agent-by-agent
 * counts (read from the events).
 */
public abstract class HealthAggregatesContract extends StorageContract {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
  private static final Instant TO = T0.plusSeconds(3600);

  private HealthAggregates h() {
    return provider.alerting().healthAggregates();
  }

  private static Event ev(
      String org, String session, String agent, EventType type, Severity sev, String p, Instant t) {
    return Event.unwritten(id("evt"), org, session, agent, type, sev, t, p, "{}");
  }

  private static Event ev(
      String org, String session, String agent, EventType type, String p, Instant t) {
    return ev(org, session, agent, type, Severity.INFO, p, t);
  }

  private static String response(String extra) {
    return "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":1" + extra + "}";
  }

  private void load(String o) {
    List<Event> e = new ArrayList<>();
    String call = "{\"callId\":\"c\",\"toolName\":\"x\",\"arguments\":{}}";
    // bot s1: completed after 90.5 s, one tool error, cost 1.5, one failed response of three
    e.add(ev(o, "s1", "bot", EventType.SESSION_STARTED, "{}", T0));
    e.add(ev(o, "s1", "bot", EventType.TOOL_CALL, call, T0.plusSeconds(1)));
    e.add(ev(o, "s1", "bot", EventType.TOOL_RESPONSE, response(",\"isError\":true"), T0));
    e.add(
        ev(
            o,
            "s1",
            "bot",
            EventType.TOOL_RESPONSE,
            "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":{\"isError\":true}}",
            T0));
    e.add(ev(o, "s1", "bot", EventType.TOOL_RESPONSE, response(",\"isError\":false"), T0));
    e.add(
        ev(
            o,
            "s1",
            "bot",
            EventType.TOOL_ERROR,
            "{\"callId\":\"c\",\"toolName\":\"x\",\"error\":\"boom\"}",
            T0.plusSeconds(2)));
    e.add(
        ev(
            o,
            "s1",
            "bot",
            EventType.COST_TRACKED,
            "{\"provider\":\"p\",\"model\":\"m\",\"inputTokens\":1,\"outputTokens\":1,"
                + "\"totalTokens\":2,\"costUsd\":1.5}",
            T0.plusSeconds(3)));
    e.add(
        ev(
            o,
            "s1",
            "bot",
            EventType.SESSION_ENDED,
            "{\"reason\":\"completed\"}",
            T0.plusMillis(90_500)));
    // bot s2: still active; its tool call at the range's end is outside it
    e.add(ev(o, "s2", "bot", EventType.SESSION_STARTED, "{}", T0.plusSeconds(10)));
    e.add(ev(o, "s2", "bot", EventType.TOOL_CALL, call, TO));
    // bot s3: started one second before the range, so neither it nor its tool call counts
    e.add(ev(o, "s3", "bot", EventType.SESSION_STARTED, "{}", T0.minusSeconds(1)));
    e.add(ev(o, "s3", "bot", EventType.TOOL_CALL, call, T0.minusSeconds(1)));
    // helper s4: ended with reason error after 10 s, one error event, one tool call
    e.add(ev(o, "s4", "helper", EventType.SESSION_STARTED, "{}", T0.plusSeconds(20)));
    e.add(ev(o, "s4", "helper", EventType.TOOL_CALL, call, T0.plusSeconds(25)));
    e.add(
        ev(
            o,
            "s4",
            "helper",
            EventType.CUSTOM,
            Severity.ERROR,
            "{\"type\":\"t\",\"data\":{}}",
            T0.plusSeconds(26)));
    e.add(
        ev(
            o,
            "s4",
            "helper",
            EventType.SESSION_ENDED,
            "{\"reason\":\"error\"}",
            T0.plusSeconds(30)));
    stores.events().append(batch(o, e));
  }

  @Test
  void sessionsAreTotalledPerAgentOverTheirStartInTheRange() {
    String o = newOrg().id();
    load(o);
    Map<String, SessionTotals> all = h().sessions(o, null, T0, TO);
    assertThat(all).containsOnlyKeys("bot", "helper");
    assertThat(all.get("bot")).isEqualTo(new SessionTotals(2, 1, 1, 1.5, 1, 90_500.0));
    assertThat(all.get("helper")).isEqualTo(new SessionTotals(1, 1, 0, 0.0, 1, 10_000.0));
    assertThat(h().sessions(o, "helper", T0, TO))
        .containsExactly(Map.entry("helper", new SessionTotals(1, 1, 0, 0.0, 1, 10_000.0)));
    assertThat(h().sessions(o, "bot", T0.minusSeconds(1), T0))
        .containsExactly(Map.entry("bot", new SessionTotals(1, 0, 0, 0.0, 0, 0.0)));
    assertThat(h().sessions(o, "nobody", T0, TO)).isEmpty();
    assertThat(h().sessions(o, null, TO, TO.plusSeconds(60))).isEmpty();
  }

  @Test
  void toolEventsAreCountedPerAgentWithOnlyTopLevelBooleanIsErrorFailing() {
    String o = newOrg().id();
    load(o);
    Map<String, ToolTotals> all = h().tools(o, null, T0, TO);
    assertThat(all).containsOnlyKeys("bot", "helper");
    assertThat(all.get("bot")).isEqualTo(new ToolTotals(1, 1, 1));
    assertThat(all.get("helper")).isEqualTo(new ToolTotals(1, 0, 0));
    assertThat(h().tools(o, "bot", T0, TO))
        .containsExactly(Map.entry("bot", new ToolTotals(1, 1, 1)));
    assertThat(h().tools(o, "bot", TO, TO.plusSeconds(1)))
        .containsExactly(Map.entry("bot", new ToolTotals(1, 0, 0)));
    assertThat(h().tools(o, "helper", T0.minusSeconds(1), T0)).isEmpty();
  }

  @Test
  void orgAndAgentCountsFromRollupsEqualTheEventCountsOverRangesOfEveryShape() {
    String o = newOrg().id();
    Random rnd = new Random(11);
    Instant base = Instant.parse("2026-03-10T00:00:00Z");
    String[] agents = {"a1", "a2", "a3"};
    String[] payloads = {
      "{\"callId\":\"c\",\"toolName\":\"x\",\"arguments\":{}}",
      "{\"callId\":\"c\",\"toolName\":\"x\",\"error\":\"boom\"}",
      response(",\"isError\":true"),
      response(",\"isError\":false"),
      "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":{\"isError\":true}}",
      "{\"type\":\"t\",\"data\":{\"isError\":true}}"
    };
    EventType[] types = {
      EventType.TOOL_CALL,
      EventType.TOOL_ERROR,
      EventType.TOOL_RESPONSE,
      EventType.TOOL_RESPONSE,
      EventType.TOOL_RESPONSE,
      EventType.CUSTOM
    };
    List<Event> e = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int k = rnd.nextInt(types.length);
      String agent = agents[rnd.nextInt(agents.length)];
      Instant t = base.plusSeconds(rnd.nextInt(4 * 86_400));
      e.add(ev(o, "s-" + agent + "-" + (i % 7), agent, types[k], payloads[k], t));
    }
    stores.events().append(batch(o, e));
    Instant[][] ranges = {
      {base, base.plusSeconds(4 * 86_400)},
      {base.plusSeconds(1_234), base.plusSeconds(3 * 86_400 + 999)},
      {base.plusSeconds(3_600), base.plusSeconds(7_200)},
      {base.plusSeconds(5_000), base.plusSeconds(6_000)},
      {base.plusSeconds(86_399), base.plusSeconds(2 * 86_400 + 1)},
      {base.plusSeconds(40_000), base.plusSeconds(130_000)},
      {base.minusSeconds(100), base.plusSeconds(5 * 86_400)}
    };
    for (Instant[] r : ranges) {
      Map<String, ToolTotals> expected = new HashMap<>();
      for (int i = 0; i < e.size(); i++) {
        Event x = e.get(i);
        if (x.timestamp().isBefore(r[0]) || !x.timestamp().isBefore(r[1])) {
          continue;
        }
        int k = Arrays.asList(payloads).indexOf(x.payload().text());
        if (k > 2) {
          continue;
        }
        ToolTotals t = expected.getOrDefault(x.agentId(), new ToolTotals(0, 0, 0));
        expected.put(
            x.agentId(),
            new ToolTotals(
                t.calls() + (k == 0 ? 1 : 0),
                t.errors() + (k == 1 ? 1 : 0),
                t.failedResponses() + (k == 2 ? 1 : 0)));
      }
      Map<String, ToolTotals> byAgent = new HashMap<>();
      for (String a : agents) {
        byAgent.putAll(h().tools(o, a, r[0], r[1]));
      }
      assertThat(h().tools(o, null, r[0], r[1]))
          .as("org-wide %s", Arrays.toString(r))
          .isEqualTo(expected);
      assertThat(byAgent).as("agent by agent %s", Arrays.toString(r)).isEqualTo(expected);
    }
  }

  @Test
  void nothingOfOneOrgIsVisibleToAnother() {
    String o = newOrg().id();
    load(o);
    String other = newOrg().id();
    assertThat(h().sessions(other, null, T0, TO)).isEmpty();
    assertThat(h().tools(other, null, T0, TO)).isEmpty();
    assertThat(h().tools(other, "bot", T0, TO)).isEmpty();
    assertThat(h().sessions(other, "bot", T0, TO)).isEmpty();
    assertThat(h().sessions(null, null, T0, TO)).isEmpty();
    assertThat(h().tools("", null, T0, TO)).isEmpty();
  }
}
