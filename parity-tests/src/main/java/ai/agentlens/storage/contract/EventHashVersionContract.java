package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.event.HashRecipe2;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonDoc;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash version per event ({@link Event#hashVersion}) on a real backend: an event chained here
 * reads back as recipe 1 with no hash source; a recipe-2 event whose {@code prevHash} links to its
 * session's tail is stored with its own hash, version and source (byte for byte, whatever the
 * backend does to the payload's key order) and verifies; the next event chained here links to it; a
 * recipe-2 event that does not link is chained with recipe 1 instead.
 */
public abstract class EventHashVersionContract extends StorageContract {

  private static Event recipe2(String org, String id, String session, String prev, int n) {
    String payload = "{\"type\":\"t\",\"data\":{\"n\":" + n + ",\"b\":\"ü\",\"a\":[1.5,true]}}";
    String ts = "2026-11-30T10:00:0" + n + ".5Z";
    String source =
        HashRecipe2.source(id, ts, session, "a1", "custom", "info", payload, "{}", prev);
    return new Event(
        id,
        org,
        session,
        "a1",
        EventType.CUSTOM,
        Severity.INFO,
        Instant.parse(ts),
        JsonDoc.of(payload),
        JsonDoc.of("{}"),
        0,
        prev,
        HashRecipe2.hash(source),
        HashRecipe2.VERSION,
        source);
  }

  @Test
  void recipe2EventsKeepTheirHashesAndSourcesAndTheChainVerifies() {
    String org = newOrg().id();
    Event first = recipe2(org, "r2-1", "s", null, 1);
    Event second = recipe2(org, "r2-2", "s", first.hash(), 2);
    stores.events().append(batch(org, List.of(first, second)));
    stores.events().append(batch(org, List.of(custom(org, "s"))));

    List<Event> chain = stores.events().timeline(org, "s", 0, 100);
    assertThat(chain).extracting(Event::hashVersion).containsExactly(2, 2, 1);
    assertThat(chain.get(0).hash()).isEqualTo(first.hash());
    assertThat(chain.get(1).hashSource()).isEqualTo(second.hashSource());
    assertThat(chain.get(2).prevHash()).isEqualTo(second.hash());
    assertThat(chain.get(2).hashSource()).isNull();
    assertThat(HashChain.verify(chain).valid()).isTrue();
    assertThat(stores.events().find(org, "r2-2").orElseThrow().hashVersion()).isEqualTo(2);
  }

  @Test
  void aRecipe2EventThatDoesNotLinkIsChainedWithRecipe1() {
    String org = newOrg().id();
    stores.events().append(batch(org, List.of(custom(org, "s"))));
    Event orphan = recipe2(org, "r2-x", "s", null, 1);
    Event stored = stores.events().append(batch(org, List.of(orphan))).stored().get(0);
    assertThat(stored.hashVersion()).isEqualTo(HashChain.VERSION);
    assertThat(stored.hash()).isNotEqualTo(orphan.hash());
    List<Event> chain = stores.events().timeline(org, "s", 0, 100);
    assertThat(chain).extracting(Event::hashVersion).containsExactly(1, 1);
    assertThat(HashChain.verify(chain).valid()).isTrue();
  }

  @Test
  void aChangedPayloadOfAStoredRecipe2EventFailsVerification() {
    String org = newOrg().id();
    Event first = recipe2(org, "r2-t", "t", null, 1);
    stores.events().append(batch(org, List.of(first)));
    Event read = stores.events().timeline(org, "t", 0, 10).get(0);
    Event changed = read.withContent(JsonDoc.of("{\"type\":\"t\",\"data\":{}}"), read.metadata());
    assertThat(HashChain.verify(List.of(read)).valid()).isTrue();
    assertThat(HashChain.verify(List.of(changed)).valid()).isFalse();
  }
}
