package ai.agentlens.core.otlp;

import ai.agentlens.core.event.Event;
import java.util.List;

/**
 * What the spans of one OTLP request became: the events to accept, and the spans that could not be
 * mapped (reported to the exporter as OTLP {@code partial_success}).
 *
 * @param events the unwritten events, in span order
 * @param rejectedSpans how many spans were refused
 * @param message why the first refused span was refused, or empty when none was
 */
public record MappedSpans(List<Event> events, long rejectedSpans, String message) {

  /** Copies the event list. */
  public MappedSpans {
    events = List.copyOf(events);
  }
}
