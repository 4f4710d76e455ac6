package ai.agentlens.web.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.port.llm.LlmLogInbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The inbox backlog gauges read the inbox at each scrape: count, age of the oldest, NaN on error.
 */
class LlmInboxMetersTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void theGaugesGiveTheNotesAndTheOldestNotesAgeAndNaNWhenTheInboxCannotBeRead() {
    AtomicReference<LlmLogInbox.Backlog> backlog =
        new AtomicReference<>(new LlmLogInbox.Backlog(0, Optional.empty()));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new ServerMeters().llmLogInboxMeters(new Inbox(backlog), () -> NOW).bindTo(registry);

    assertThat(notes(registry)).isZero();
    assertThat(age(registry)).isZero();

    backlog.set(new LlmLogInbox.Backlog(3, Optional.of(NOW.minusMillis(42_500))));
    assertThat(notes(registry)).isEqualTo(3.0);
    assertThat(age(registry)).isEqualTo(42.5);

    backlog.set(null);
    assertThat(notes(registry)).isNaN();
    assertThat(age(registry)).isNaN();
  }

  private static double notes(SimpleMeterRegistry registry) {
    return registry.get("agentlens.llm.requests.inbox.notes").gauge().value();
  }

  private static double age(SimpleMeterRegistry registry) {
    return registry.get("agentlens.llm.requests.inbox.oldest.age.seconds").gauge().value();
  }

  /** An inbox that only answers its backlog; a null backlog stands for a database that fails. */
  private record Inbox(AtomicReference<LlmLogInbox.Backlog> current) implements LlmLogInbox {

    @Override
    public Backlog backlog() {
      Backlog b = current.get();
      if (b == null) {
        throw new StorageUnavailableException("database down", null);
      }
      return b;
    }

    @Override
    public void open(boolean on) {}

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public List<String> orgs(int limit) {
      return List.of();
    }

    @Override
    public List<Note> next(String orgId, int maxEvents) {
      return List.of();
    }

    @Override
    public void settle(String orgId, List<Long> seqs) {}
  }
}
