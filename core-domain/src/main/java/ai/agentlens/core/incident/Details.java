package ai.agentlens.core.incident;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON details of a trigger, members in insertion order. */
final class Details {

  private final Map<String, Object> members = new LinkedHashMap<>();

  Details put(String name, String value) {
    members.put(name, value);
    return this;
  }

  Details put(String name, double value) {
    members.put(name, JsonNumber.of(BigDecimal.valueOf(value)));
    return this;
  }

  Details put(String name, long value) {
    members.put(name, JsonNumber.of(value));
    return this;
  }

  String text() {
    return JsonObject.of(members).toString();
  }
}
