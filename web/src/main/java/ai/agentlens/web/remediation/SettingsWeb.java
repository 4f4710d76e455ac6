package ai.agentlens.web.remediation;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.core.remediation.SettingsJson;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.read.JsonViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies and JSON of the settings and remediation routes (docs/incidents.md, "Remediation"). */
public final class SettingsWeb {

  private SettingsWeb() {}

  /**
   * Reads a request body as one JSON object.
   *
   * @param body the body
   * @return the object
   * @throws BadRequestException when it is not one
   */
  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    try {
      if (JsonReader.read(body) instanceof JsonObject o) {
        return o;
      }
    } catch (IllegalArgumentException e) {
      // why: JsonSyntaxException and over-deep input are both IllegalArgumentExceptions
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    throw new BadRequestException(
        "Validation failed", List.of(new Problem("body", "must be a JSON object")));
  }

  /**
   * Turns invalid settings into a 400 naming every field.
   *
   * @param e the problems
   * @return the 400
   */
  public static BadRequestException invalid(SettingsInvalidException e) {
    return new BadRequestException(
        "Validation failed",
        e.errors().stream().map(f -> new Problem(f.path(), f.message())).toList());
  }

  /**
   * Renders one remediation.
   *
   * @param r it
   * @return its JSON object
   */
  public static JsonObject remediation(Remediation r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("incidentId", r.incidentId());
    o.put("agentId", r.agentId());
    o.put("kind", r.kind().wireName());
    o.put("params", r.params());
    o.put("status", r.status().wireName());
    Map<String, Object> before = new LinkedHashMap<>();
    before.put(
        "settings",
        r.before().settings() == null ? null : SettingsJson.write(r.before().settings()));
    before.put("keyId", r.before().keyId());
    before.put(
        "keyRateLimit",
        r.before().keyRateLimit() == null ? null : JsonNumber.of(r.before().keyRateLimit()));
    o.put("previous", JsonObject.of(before));
    o.put("appliedBy", r.appliedBy());
    o.put("appliedAt", JsonViews.time(r.appliedAt()));
    o.put("revertedBy", r.revertedBy());
    o.put("revertedAt", r.revertedAt() == null ? null : JsonViews.time(r.revertedAt()));
    o.put("error", r.error());
    return JsonObject.of(o);
  }

  /**
   * Renders an incident's remediations.
   *
   * @param list them, oldest first
   * @return {@code {"remediations":[…]}}
   */
  public static String remediations(List<Remediation> list) {
    List<Object> items = new ArrayList<>();
    list.forEach(r -> items.add(remediation(r)));
    return JsonWriter.write(
        JsonObject.of(Map.of("remediations", ai.agentlens.core.json.JsonArray.of(items))));
  }
}
