package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

  private static Event ev(String id, String payload) {
    return Event.unwritten(
        id,
        "org",
        "s1",
        "a1",
        EventType.CUSTOM,
        Severity.INFO,
        Instant.parse("2025-01-01T00:00:00Z"),
        payload,
        "{}");
  }

  @Test
  void hashIsIndependentOfJsonKeyOrderAndWhitespace() {
    String a = HashChain.hash(ev("e1", "{\"b\":1,\"a\":[1.0,\"x\"]}"), 1, null);
    String b = HashChain.hash(ev("e1", "{ \"a\" : [1, \"x\"], \"b\" : 1 }"), 1, null);
    assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(HashChain.hash(ev("e1", "{\"b\":2,\"a\":[1,\"x\"]}"), 1, null)).isNotEqualTo(a);
    assertThat(HashChain.hash(ev("e1", "{\"b\":1,\"a\":[1,\"x\"]}"), 2, null)).isNotEqualTo(a);
  }

  @Test
  void extendLinksAndVerifyDetectsTampering() {
    List<Event> first = HashChain.extend(0, null, List.of(ev("e1", "{}"), ev("e2", "{}")));
    List<Event> all = new ArrayList<>(first);
    all.addAll(HashChain.extend(2, first.get(1).hash(), List.of(ev("e3", "{\"k\":1}"))));
    assertThat(HashChain.verify(all)).isEqualTo(ChainVerification.VALID);

    List<Event> tampered = new ArrayList<>(all);
    Event e = all.get(1);
    tampered.set(
        1,
        new Event(
            e.id(),
            e.orgId(),
            e.sessionId(),
            e.agentId(),
            e.eventType(),
            e.severity(),
            e.timestamp(),
            "{\"x\":1}",
            e.metadata().text(),
            e.sequence(),
            e.prevHash(),
            e.hash()));
    assertThat(HashChain.verify(tampered).failedAtIndex()).isEqualTo(1);
    assertThat(HashChain.verify(all.subList(1, 3)).valid()).isFalse();
    assertThat(HashChain.verify(all.subList(1, 3), 2, all.get(0).hash()).valid()).isTrue();
  }

  @Test
  void aHeadKeptAsBytesHashesLikeACopiedDigestStateAndEachUseStartsAfresh() {
    Event e = ev("e1", "{\"prompt\":\"caf\u00e9\",\"n\":[1,2.5]}");
    CheckedEvent copied = HashChain.prepare(e, e.payload().tree(), e.metadata().tree(), true);
    CheckedEvent rehashed = HashChain.prepare(e, e.payload().tree(), e.metadata().tree(), false);
    String expected = HashChain.hash(e, 3, "ab".repeat(32));
    assertThat(HashChain.hash(copied, 3, "ab".repeat(32))).isEqualTo(expected);
    assertThat(HashChain.hash(rehashed, 3, "ab".repeat(32))).isEqualTo(expected);
    // a second use (a retried transaction) starts from the head again, not from the first's end
    assertThat(HashChain.hash(rehashed, 3, "ab".repeat(32))).isEqualTo(expected);
    assertThat(HashChain.hash(rehashed, 1, null)).isEqualTo(HashChain.hash(e, 1, null));
  }

  @Test
  void invalidJsonCannotBeHashed() {
    assertThatThrownBy(() -> HashChain.hash(ev("e1", "{\"n\":1e400}"), 1, null))
        .isInstanceOf(InvalidInputException.class);
  }
}
