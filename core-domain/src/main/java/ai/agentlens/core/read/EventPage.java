package ai.agentlens.core.read;

import ai.agentlens.core.event.Event;
import java.util.List;

/**
 * One page of an event listing.
 *
 * @param events the page, newest first
 * @param total how many events match the filters in all pages
 * @param hasMore whether pages follow this one
 */
public record EventPage(List<Event> events, long total, boolean hasMore) {

  /** Copies the page. */
  public EventPage {
    events = List.copyOf(events);
  }
}
