package ai.agentlens.storage.sqlite;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Orgs and runs of tool-call events for the tests of how SQLite finds a session's events. */
final class SessionEventsFixture {

  private final AtomicInteger ids = new AtomicInteger();
  private final Instant created;

  SessionEventsFixture(Instant created) {
    this.created = created;
  }

  void org(SqliteStorageProvider p, String id) {
    p.stores().orgs().create(new Org(id, id, id, Plan.PRO, OrgSettings.defaults(90), created));
  }

  /** Appends {@code n} events of one session in one call, a millisecond apart from {@code at}. */
  void append(SqliteStorageProvider p, String org, String session, int n, Instant at) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int id = ids.incrementAndGet();
      events.add(
          Event.unwritten(
              "e" + id,
              org,
              session,
              "a",
              EventType.TOOL_CALL,
              Severity.INFO,
              at.plusMillis(i),
              "{\"callId\":\"c" + id + "\",\"toolName\":\"x\",\"arguments\":{}}",
              "{}"));
    }
    p.stores().events().append(new EventBatch(org, null, events));
  }
}
