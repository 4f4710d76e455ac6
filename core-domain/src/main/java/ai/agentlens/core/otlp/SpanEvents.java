package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's events as the mapping rules read them, like {@link SpanAttributes}: an event a rule
 * reads is marked, and {@link #rest} returns every event no rule read, plus the attributes no rule
 * took of those it did, so nothing an exporter sent is dropped.
 */
final class SpanEvents {

  private final List<OtlpSpan.SpanEvent> events;
  private final List<SpanAttributes> attributes = new ArrayList<>();
  private final boolean[] read;

  SpanEvents(List<OtlpSpan.SpanEvent> events) {
    this.events = events;
    this.read = new boolean[events.size()];
    for (OtlpSpan.SpanEvent e : events) {
      attributes.add(new SpanAttributes(e.attributes()));
    }
  }

  /** Returns the attributes of every event called {@code name}, in order, marking them read. */
  List<SpanAttributes> named(String name) {
    List<SpanAttributes> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).name().equals(name)) {
        read[i] = true;
        out.add(attributes.get(i));
      }
    }
    return out;
  }

  /** Tells whether an event of that name exists, without marking it. */
  boolean has(String name) {
    return events.stream().anyMatch(e -> e.name().equals(name));
  }

  /** Returns the events (or their attributes) no rule read, as JSON for the metadata. */
  JsonArray rest() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      OtlpSpan.SpanEvent e = events.get(i);
      JsonObject attrs = read[i] ? attributes.get(i).rest() : e.attributes();
      if (read[i] && attrs.isEmpty()) {
        continue;
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", e.name());
      if (e.time() != null) {
        json.put("time", e.time().toString());
      }
      json.put("attributes", attrs);
      out.add(JsonObject.of(json));
    }
    return JsonArray.of(out);
  }
}
