package ai.agentlens.core.replay;

import ai.agentlens.core.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a replay from a session's events (reference §4.3.4): pure, no I/O. Every event is fed to
 * the running context in chain order; the steps are the events the query's type filter keeps,
 * numbered 0.., and only the page's steps carry a copy of the context, so a page costs what it
 * holds.
 */
public final class ReplayBuilder {

  private ReplayBuilder() {}

  /**
   * The steps and totals of one page.
   *
   * @param totalSteps steps after the filter over every page
   * @param steps the page
   * @param hasMore whether steps follow the page
   * @param summary totals over the whole session
   */
  public record Page(
      int totalSteps, List<ReplayStep> steps, boolean hasMore, ReplaySummary summary) {}

  /**
   * Builds one page.
   *
   * @param events every event of the session in chain order
   * @param query page, filter and whether to include context
   * @return the page
   */
  public static Page build(List<Event> events, ReplayQuery query) {
    Pairing pairs = new Pairing(events);
    ReplayState state = new ReplayState(events.size());
    List<ReplayStep> page = new ArrayList<>(Math.min(query.limit(), events.size()));
    int step = 0;
    for (Event e : events) {
      state.accept(e);
      if (!query.keeps(e.eventType())) {
        continue;
      }
      if (step >= query.offset() && page.size() < query.limit()) {
        Event partner = pairs.partner(e);
        page.add(
            new ReplayStep(
                step,
                e,
                partner,
                Pairing.durationMs(e, partner),
                query.includeContext() ? state.context() : null));
      }
      step++;
    }
    boolean more = query.offset() + page.size() < step;
    return new Page(step, page, more, state.summary());
  }
}
