package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private static Event event(String org) {
    return Event.unwritten(
        "e1", org, "s1", "a1", EventType.CUSTOM, Severity.INFO, Instant.EPOCH, "{}", "{}");
  }

  @Test
  void keepsAnImmutableCopyAndMicrosecondReceipt() {
    List<Event> events = new ArrayList<>(List.of(event("org1")));
    Envelope env =
        new Envelope("env1", "org1", "key1", Instant.parse("2025-01-01T00:00:00.1234567Z"), events);
    events.clear();
    assertThat(env.events()).hasSize(1);
    assertThat(env.receivedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
    assertThatThrownBy(() -> env.events().add(event("org1")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyEventBelongsToTheEnvelopesOrg() {
    assertThatThrownBy(
            () -> new Envelope("env1", "org1", "key1", Instant.EPOCH, List.of(event("org2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another org");
  }

  @Test
  void anEnvelopeCarriesEventsAndAnId() {
    assertThatThrownBy(() -> new Envelope("env1", "org1", "key1", Instant.EPOCH, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Envelope("", "org1", "key1", Instant.EPOCH, List.of(event("org1"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Envelope("env1", "org1", null, Instant.EPOCH, List.of(event("org1"))).apiKeyId())
        .isNull();
  }
}
