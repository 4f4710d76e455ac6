package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.session.Agent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.AgentStore} contract (reference §1.9): agents are
 * materialized by {@code EventStore.append} — upserted per org, keeping the first name they were
 * seen with and counting the sessions they started — and read back per org only.
 */
public abstract class AgentStoreContract extends StorageContract {

  private static Event ev(String org, String agent, EventType type, String payload, int sec) {
    return Event.unwritten(
        id("evt"),
        org,
        id("s"),
        agent,
        type,
        Severity.INFO,
        Instant.parse("2026-03-02T00:00:00Z").plusSeconds(sec),
        payload,
        "{}");
  }

  @Test
  void agentsAreUpsertedKeepingTheFirstNameAndCountingSessionStarts() {
    String org = newOrg().id();
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    ev(org, "bot", EventType.SESSION_STARTED, "{\"agentName\":\"Bot One\"}", 10),
                    ev(org, "other", EventType.CUSTOM, "{}", 5))));
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    ev(org, "bot", EventType.SESSION_STARTED, "{\"agentName\":\"Renamed\"}", 20),
                    ev(org, "bot", EventType.CUSTOM, "{}", 1))));
    Agent bot = stores.agents().find(org, "bot").orElseThrow();
    assertThat(bot.name()).isEqualTo("Bot One");
    assertThat(bot.sessionCount()).isEqualTo(2);
    assertThat(bot.firstSeenAt()).isEqualTo(Instant.parse("2026-03-02T00:00:01Z"));
    assertThat(bot.lastSeenAt()).isEqualTo(Instant.parse("2026-03-02T00:00:20Z"));
    Agent other = stores.agents().find(org, "other").orElseThrow();
    assertThat(other.name()).isEqualTo("other");
    assertThat(other.sessionCount()).isZero();
    assertThat(stores.agents().list(org)).extracting(Agent::id).containsExactly("bot", "other");
  }
}
