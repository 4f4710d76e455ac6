package ai.agentlens.core.read;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.port.storage.EventStore;
import java.util.List;
import java.util.Optional;

/**
 * The event reads the API and the dashboard share: filtered pages with their total, one event, and
 * whether an org has received anything yet. Every read is scoped to the given org; another org's
 * ids are simply not found. Thread-safe; errors are the {@link EventStore}'s.
 */
public final class EventReads {

  private final EventStore events;

  /**
   * Creates the use case.
   *
   * @param events the event log
   */
  public EventReads(EventStore events) {
    this.events = events;
  }

  /**
   * Reads a page of events, newest first, with the number of all matches. The page is read after
   * the count, so while events are being stored it may hold newer matches than the count saw; the
   * total is then raised to what the page shows, never below it.
   *
   * @param orgId the org
   * @param query filters and page
   * @return the page; {@code hasMore} when matches follow it
   */
  public EventPage page(String orgId, EventQuery query) {
    // why: the two reads are two statements; counting first means events stored between them can
    // only make the page fuller than the count, never leave a counted event out of the page
    long counted = events.count(orgId, query);
    List<Event> page = events.query(orgId, query);
    long total = Math.max(counted, query.offset() + page.size());
    return new EventPage(page, total, query.offset() + page.size() < total);
  }

  /**
   * Reads one event.
   *
   * @param orgId the org
   * @param eventId the event
   * @return the event, or empty when the org has none with that id
   */
  public Optional<Event> find(String orgId, String eventId) {
    return events.find(orgId, eventId);
  }

  /**
   * Tells whether an org has stored any event (the dashboard's first-run check).
   *
   * @param orgId the org
   * @return whether at least one event is stored
   */
  public boolean any(String orgId) {
    return !events.query(orgId, EventQuery.firstPage().page(1, 0)).isEmpty();
  }
}
