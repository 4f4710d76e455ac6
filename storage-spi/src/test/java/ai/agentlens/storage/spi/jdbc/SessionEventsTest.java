package ai.agentlens.storage.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The session ids whose keys a write reads: each once, in the order sessions are locked. */
class SessionEventsTest {

  @Test
  void sortedIdsWithRunsCollapseToOneEach() {
    assertThat(SessionEvents.sortedDistinct(List.of("a", "a", "b", "c", "c", "c")))
        .containsExactly("a", "b", "c");
  }

  @Test
  void unsortedIdsWithRepeatsFarApartComeOutSortedOnce() {
    assertThat(SessionEvents.sortedDistinct(List.of("s2", "s10", "s1", "s2", "s10", "s0")))
        .containsExactly("s0", "s1", "s10", "s2");
  }

  @Test
  void noIdsGiveNone() {
    assertThat(SessionEvents.sortedDistinct(List.of())).isEmpty();
  }
}
