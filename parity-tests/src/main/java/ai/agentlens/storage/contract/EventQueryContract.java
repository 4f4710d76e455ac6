package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.event.WindowCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The filters of {@link ai.agentlens.core.port.storage.EventStore#query} beyond the basics: any of
 * several types and severities, oldest first, a literal case-insensitive search in payload or
 * metadata ({@code %} and {@code _} match only themselves), and leaving out OTLP metric events;
 * {@code count} agrees with every filter.
 */
public abstract class EventQueryContract extends StorageContract {

  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

  private static Event e(
      String org, int second, EventType type, Severity sev, String payload, String meta) {
    return Event.unwritten(
        id("evt"), org, "s", "a", type, sev, T0.plusSeconds(second), payload, meta);
  }

  private String fixture() {
    String org = newOrg().id();
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    e(
                        org,
                        0,
                        EventType.CUSTOM,
                        Severity.INFO,
                        "{\"type\":\"t\",\"data\":{\"q\":\"Shoes 50%_off\"}}",
                        "{}"),
                    e(
                        org,
                        1,
                        EventType.CUSTOM,
                        Severity.WARN,
                        "{\"type\":\"t\",\"data\":{\"q\":\"HELLO World\"}}",
                        "{}"),
                    e(
                        org,
                        2,
                        EventType.TOOL_CALL,
                        Severity.ERROR,
                        "{\"toolName\":\"x\",\"callId\":\"c\",\"arguments\":{}}",
                        "{\"note\":\"100% Sure\"}"),
                    e(
                        org,
                        3,
                        EventType.CUSTOM,
                        Severity.DEBUG,
                        "{\"type\":\"metric\",\"data\":{}}",
                        "{\"source\":\"otlp_metric\"}"))));
    return org;
  }

  private List<Instant> times(String org, EventQuery q) {
    assertThat(stores.events().count(org, q)).isEqualTo(stores.events().query(org, q).size());
    return stores.events().query(org, q).stream().map(Event::timestamp).toList();
  }

  private static EventQuery q(
      Set<EventType> types, Set<Severity> sevs, String search, boolean asc, boolean noMetrics) {
    return new EventQuery(null, null, types, sevs, null, null, search, asc, noMetrics, 50, 0);
  }

  @Test
  void typesAndSeveritiesMatchAnyOfTheirSetAndAscendingIsOldestFirst() {
    String org = fixture();
    assertThat(times(org, q(Set.of(EventType.CUSTOM), Set.of(), null, false, false)))
        .containsExactly(T0.plusSeconds(3), T0.plusSeconds(1), T0);
    assertThat(
            times(
                org,
                q(
                    Set.of(),
                    Set.of(Severity.WARN, Severity.ERROR, Severity.DEBUG),
                    null,
                    true,
                    false)))
        .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    assertThat(
            times(
                org,
                q(
                    Set.of(EventType.CUSTOM, EventType.TOOL_CALL),
                    Set.of(Severity.ERROR),
                    null,
                    true,
                    false)))
        .containsExactly(T0.plusSeconds(2));
  }

  @Test
  void searchIsALiteralCaseInsensitiveSubstringOfPayloadOrMetadata() {
    String org = fixture();
    assertThat(times(org, q(Set.of(), Set.of(), "hello world", false, false)))
        .containsExactly(T0.plusSeconds(1));
    assertThat(times(org, q(Set.of(), Set.of(), "%", true, false)))
        .containsExactly(T0, T0.plusSeconds(2));
    assertThat(times(org, q(Set.of(), Set.of(), "%_", true, false))).containsExactly(T0);
    assertThat(times(org, q(Set.of(), Set.of(), "100% sure", true, false)))
        .as("metadata")
        .containsExactly(T0.plusSeconds(2));
    assertThat(times(org, q(Set.of(), Set.of(), "nowhere", true, false))).isEmpty();
    assertThat(times(newOrg().id(), q(Set.of(), Set.of(), "%", true, false))).isEmpty();
  }

  @Test
  void otlpMetricEventsCanBeLeftOut() {
    String org = fixture();
    assertThat(times(org, q(Set.of(), Set.of(), null, true, true)))
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
    assertThat(times(org, q(Set.of(), Set.of(), null, true, false))).hasSize(4);
  }

  private static Event at(String org, String agent, int second, EventType type, Severity sev) {
    return Event.unwritten(
        id("evt"),
        org,
        "s-" + agent,
        agent,
        type,
        sev,
        T0.plusSeconds(second),
        "{\"type\":\"t\",\"data\":{}}",
        "{}");
  }

  @Test
  void windowCountsCountEachWindowsEventsErrorsAndSessionStartsOfOneAgent() {
    String org = newOrg().id();
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    at(org, "a", 0, EventType.SESSION_STARTED, Severity.INFO),
                    at(org, "a", 1, EventType.CUSTOM, Severity.INFO),
                    at(org, "a", 2, EventType.TOOL_ERROR, Severity.WARN),
                    at(org, "a", 3, EventType.CUSTOM, Severity.ERROR),
                    at(org, "a", 4, EventType.TOOL_ERROR, Severity.CRITICAL),
                    at(org, "a", 5, EventType.SESSION_STARTED, Severity.INFO),
                    at(org, "a", 6, EventType.CUSTOM, Severity.ERROR),
                    at(org, "b", 3, EventType.CUSTOM, Severity.ERROR))));
    Instant to = T0.plusSeconds(6);
    assertThat(stores.events().windowCounts(org, "a", List.of(T0.plusSeconds(3), T0), to))
        .as("in the order asked; the end is exclusive; a tool_error of severity critical once")
        .containsExactly(new WindowCount(T0.plusSeconds(3), 3, 2, 1), new WindowCount(T0, 6, 3, 2));
    assertThat(stores.events().windowCounts(org, "b", List.of(T0), to))
        .containsExactly(new WindowCount(T0, 1, 1, 0));
    assertThat(stores.events().windowCounts(newOrg().id(), "a", List.of(T0), to))
        .as("another org sees nothing")
        .containsExactly(new WindowCount(T0, 0, 0, 0));
  }

  @Test
  void longWindowsCountedThroughTheRollupsEqualTheirEvents() {
    String org = newOrg().id();
    Random rnd = new Random(5);
    EventType[] types = {
      EventType.CUSTOM, EventType.TOOL_ERROR, EventType.SESSION_STARTED, EventType.TOOL_CALL
    };
    Severity[] sevs = {Severity.INFO, Severity.WARN, Severity.ERROR, Severity.CRITICAL};
    List<Event> all = new ArrayList<>();
    // why: one event every 20 s over the first four hours, so every ragged end a window's plan
    // adds or subtracts holds events, and sparse ones over three days for the daily roll-ups
    for (int i = 0; i < 1_000; i++) {
      String agent = i % 3 == 0 ? "b" : "a";
      all.add(
          at(
              org,
              agent,
              i < 720 ? i * 20 + rnd.nextInt(20) : rnd.nextInt(3 * 86_400),
              types[rnd.nextInt(types.length)],
              sevs[rnd.nextInt(sevs.length)]));
    }
    stores.events().append(batch(org, all));
    int[][] windows = {
      {0, 3 * 86_400},
      {1_800, 5_400},
      {3_000, 3_700},
      {3_599, 7_201},
      {600, 2 * 86_400 + 700},
      {86_399, 86_401},
      {40_000, 130_000},
      {-100, 4 * 86_400},
      {7_000, 10_600}
    };
    for (int[] w : windows) {
      Instant from = T0.plusSeconds(w[0]);
      Instant to = T0.plusSeconds(w[1]);
      long total = 0;
      long errors = 0;
      long started = 0;
      for (Event e : all) {
        if (!e.agentId().equals("a")
            || e.timestamp().isBefore(from)
            || !e.timestamp().isBefore(to)) {
          continue;
        }
        total++;
        errors += e.severity().isError() || e.eventType() == EventType.TOOL_ERROR ? 1 : 0;
        started += e.eventType() == EventType.SESSION_STARTED ? 1 : 0;
      }
      assertThat(stores.events().windowCounts(org, "a", List.of(from), to))
          .as("[%s, %s)", from, to)
          .containsExactly(new WindowCount(from, total, errors, started));
    }
    assertThat(
            stores
                .events()
                .windowCounts(newOrg().id(), "a", List.of(T0), T0.plusSeconds(86_400 * 3)))
        .as("another org sees nothing, roll-ups included")
        .containsExactly(new WindowCount(T0, 0, 0, 0));
  }
}
