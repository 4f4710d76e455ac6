package ai.agentlens.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionReadsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** Sessions in memory; records every query it answers. */
  private static final class Sessions implements SessionStore {
    final List<Session> rows = new ArrayList<>();
    final List<SessionQuery> queries = new ArrayList<>();

    @Override
    public Optional<Session> find(String orgId, String sessionId) {
      return rows.stream()
          .filter(s -> s.orgId().equals(orgId) && s.id().equals(sessionId))
          .findFirst();
    }

    @Override
    public List<Session> list(String orgId, SessionQuery q) {
      queries.add(q);
      return matching(orgId, q).skip(q.offset()).limit(q.limit()).toList();
    }

    @Override
    public long count(String orgId, SessionQuery q) {
      return matching(orgId, q).count();
    }

    private java.util.stream.Stream<Session> matching(String orgId, SessionQuery q) {
      return rows.stream()
          .filter(s -> s.orgId().equals(orgId))
          .filter(
              s ->
                  q.statuses().isEmpty()
                      || q.statuses().contains(s.status())
                      || (q.statuses().contains(SessionStatus.IDLE)
                          && s.status() == SessionStatus.ACTIVE
                          && s.lastEventAt().isBefore(q.idleBefore())))
          .sorted(Comparator.comparing(Session::startedAt).reversed());
    }
  }

  private static final class Agents implements AgentStore {
    @Override
    public Optional<Agent> find(String orgId, String agentId) {
      return Optional.empty();
    }

    @Override
    public List<Agent> list(String orgId) {
      return List.of();
    }
  }

  private final Sessions sessions = new Sessions();
  private final SessionReads reads = new SessionReads(sessions, new Agents(), () -> NOW);

  private Session add(String org, int minutesAgo, SessionStatus status) {
    Instant last = NOW.minus(Duration.ofMinutes(minutesAgo));
    Session s =
        new Session(
            org,
            "s" + sessions.rows.size(),
            "agent",
            null,
            last.minusSeconds(sessions.rows.size()),
            null,
            last,
            status,
            1,
            0,
            0,
            0,
            0,
            0,
            0,
            List.of(),
            1,
            "h");
    sessions.rows.add(s);
    return s;
  }

  @Test
  void hasMoreIsExactEvenAtTheStoresLargestPage() {
    for (int i = 0; i < 3; i++) {
      add("org", 1, SessionStatus.ACTIVE);
    }
    assertThat(reads.list("org", SessionFilter.byAgent(null), 3, 0).hasMore()).isFalse();
    assertThat(reads.list("org", SessionFilter.byAgent(null), 2, 0).hasMore()).isTrue();
    assertThat(reads.list("org", SessionFilter.byAgent(null), 2, 2).sessions()).hasSize(1);

    for (int i = 3; i < EventQuery.MAX_LIMIT; i++) {
      add("org", 1, SessionStatus.ACTIVE);
    }
    SessionList full = reads.list("org", SessionFilter.byAgent(null), 10_000, 0);
    assertThat(full.sessions()).hasSize(EventQuery.MAX_LIMIT);
    assertThat(full.hasMore()).isFalse();
    add("org", 1, SessionStatus.ACTIVE);
    assertThat(reads.list("org", SessionFilter.byAgent(null), EventQuery.MAX_LIMIT, 0).hasMore())
        .isTrue();
  }

  @Test
  void quietActiveSessionsAreReportedAndFilteredAsIdle() {
    Session quiet = add("org", 45, SessionStatus.ACTIVE);
    Session busy = add("org", 5, SessionStatus.ACTIVE);
    add("org", 90, SessionStatus.COMPLETED);

    SessionList idle =
        reads.list("org", new SessionFilter(null, SessionStatus.IDLE, null, null, null), 10, 0);

    assertThat(idle.sessions()).extracting(r -> r.session().id()).containsExactly(quiet.id());
    assertThat(idle.sessions().get(0).status()).isEqualTo(SessionStatus.IDLE);
    assertThat(sessions.queries.get(0).idleBefore()).isEqualTo(NOW.minus(SessionReads.IDLE_AFTER));
    assertThat(reads.find("org", busy.id()).orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(reads.find("org", quiet.id()).orElseThrow().status()).isEqualTo(SessionStatus.IDLE);
    assertThat(reads.find("other", quiet.id())).isEmpty();
  }
}
