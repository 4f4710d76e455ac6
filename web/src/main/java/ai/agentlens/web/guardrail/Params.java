package ai.agentlens.web.guardrail;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.web.error.BadRequestException;
import java.util.List;

/** Body and query parsing of the guardrail routes, with 400s naming the field. */
final class Params {

  /** Longest evaluated content (characters). */
  static final int MAX_CONTENT = 262_144;

  private Params() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    try {
      Object v = JsonReader.read(body);
      if (v instanceof JsonObject o) {
        return o;
      }
    } catch (IllegalArgumentException e) {
      // why: JsonSyntaxException and over-deep input are both IllegalArgumentExceptions
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    throw GuardrailController.bad("body", "must be a JSON object");
  }

  static int integer(String name, String raw, int def, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      long n = Long.parseLong(raw.trim());
      if (n >= min && n <= max) {
        return (int) n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw GuardrailController.bad(name, "must be a whole number from " + min + " to " + max);
  }

  static long number(String name, Object raw, long def, long min, long max) {
    if (raw == null) {
      return def;
    }
    if (raw instanceof JsonNumber n
        && n.isIntegral()
        && n.longValue() >= min
        && n.longValue() <= max) {
      return n.longValue();
    }
    throw GuardrailController.bad(name, "must be a whole number from " + min + " to " + max);
  }
}
