package ai.agentlens.bench;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Opening a backend below HTTP and filling it with events, for the storage-level benchmarks. */
final class BenchStores {

  private BenchStores() {}

  /**
   * Opens a fresh store: a new PostgreSQL database with its roles (found as the tests find the
   * server), or a SQLite file in {@code dir} with 2 readers.
   *
   * @param backend {@code sqlite} or {@code postgres}
   * @param clock the time source
   * @param dir where the SQLite file goes
   * @return the provider
   * @throws Exception when it cannot be opened
   */
  static StorageProvider open(String backend, Clock clock, Path dir) throws Exception {
    if (backend.equals("postgres")) {
      TestStorage.PostgresRoles roles = TestStorage.createRoles(TestPostgres.newDatabase());
      return PostgresStorageProvider.open(BenchPostgres.config(roles, clock));
    }
    return SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
  }

  /**
   * Stores {@code events} tool-call events of one org through its {@code EventStore} in batches of
   * 500: sessions of 100 events, 20 agents, one millisecond apart from {@code start}, ids {@code
   * ev-000000000} upwards.
   *
   * @param p the store
   * @param org the org
   * @param events how many
   * @param start the first event's time
   */
  static void loadToolCalls(StorageProvider p, String org, int events, Instant start) {
    List<Event> batch = new ArrayList<>(500);
    for (int i = 0; i < events; i++) {
      batch.add(
          toolCall(
              String.format("ev-%09d", i),
              org,
              String.format("s-%07d", i / 100),
              "agent-" + (i % 20),
              start.plusMillis(i),
              i));
      if (batch.size() == 500) {
        p.stores().events().append(new EventBatch(org, null, batch));
        batch = new ArrayList<>(500);
      }
    }
    if (!batch.isEmpty()) {
      p.stores().events().append(new EventBatch(org, null, batch));
    }
  }

  /**
   * Returns one realistic tool-call event (a search with arguments, ~200 bytes of payload).
   *
   * @param id the event id
   * @param org the org
   * @param session the session
   * @param agent the agent
   * @param at its time
   * @param n a number for its call id
   * @return the event, not yet stored
   */
  static Event toolCall(String id, String org, String session, String agent, Instant at, long n) {
    return Event.unwritten(
        id,
        org,
        session,
        agent,
        EventType.TOOL_CALL,
        Severity.INFO,
        at,
        "{\"toolName\":\"search\",\"callId\":\"c-"
            + n
            + "\",\"arguments\":{\"q\":\"running shoes size 42\",\"limit\":10}}",
        "{\"env\":\"bench\"}");
  }
}
