package ai.agentlens.core.transfer;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Exports one org as JSONL (FR-74, FR-77): a header, the org's settings, its configuration
 * (guardrail rules, cost budgets, alert and incident rules, agent settings), its agents, its
 * sessions, its events in chain order (session, then sequence), and a checksum line. Sessions and
 * events are read page by page (events by keyset), so memory stays constant whatever the org's
 * size; the caller decides where the bytes go (an HTTP response, a gzip stream, a file).
 */
public final class OrgExport {

  /** Version of the line format; an import refuses a header with another one. */
  public static final int FORMAT_VERSION = 1;

  /** The {@code source} written in the header. */
  public static final String SOURCE = "agentlens-jvm";

  static final int PAGE = 1000;

  private static final int SESSION_PAGE = EventQuery.MAX_LIMIT;

  private final EventStore events;
  private final SessionStore sessions;
  private final AgentStore agents;
  private final OrgStore orgs;
  private final OrgConfig config;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param events the event log
   * @param sessions the sessions
   * @param agents the agents
   * @param orgs the orgs, for the {@code settings} line
   * @param config the configuration stores, for the configuration lines
   * @param clock for the header's {@code exportedAt}
   */
  public OrgExport(
      EventStore events,
      SessionStore sessions,
      AgentStore agents,
      OrgStore orgs,
      OrgConfig config,
      Clock clock) {
    this.events = events;
    this.sessions = sessions;
    this.agents = agents;
    this.orgs = orgs;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Writes an org's export.
   *
   * @param orgId the org (the caller has checked the right to read it)
   * @param from only events with {@code timestamp >= from} (and sessions started since), or null
   * @param to only events with {@code timestamp < to} (and sessions started before), or null
   * @param out where the lines go; not closed
   * @param progress told the number of events written so far after each page
   * @return the number of events written
   * @throws IOException when {@code out} fails (e.g. the client went away)
   */
  public long export(
      String orgId, Instant from, Instant to, OutputStream out, LongConsumer progress)
      throws IOException {
    ExportWriter w = new ExportWriter(out);
    w.header(orgId, clock.now(), from, to);
    var org = orgs.find(orgId);
    if (org.isPresent()) {
      w.settings(org.get().settings());
    }
    ConfigLines.write(w, config, orgId);
    for (Agent a : agents.list(orgId)) {
      w.agent(a);
    }
    for (int offset = 0; ; offset += SESSION_PAGE) {
      List<Session> page =
          sessions.list(
              orgId,
              new SessionQuery(null, Set.of(), from, to, List.of(), null, SESSION_PAGE, offset));
      for (Session s : page) {
        w.session(s);
      }
      if (page.size() < SESSION_PAGE) {
        break;
      }
    }
    String afterSession = "";
    long afterSequence = 0;
    while (true) {
      List<Event> page = events.exportPage(orgId, from, to, afterSession, afterSequence, PAGE);
      for (Event e : page) {
        w.event(e);
      }
      progress.accept(w.count("event"));
      if (page.size() < PAGE) {
        break;
      }
      Event last = page.get(page.size() - 1);
      afterSession = last.sessionId();
      afterSequence = last.sequence();
    }
    w.finish();
    return w.count("event");
  }
}
