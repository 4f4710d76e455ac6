package ai.agentlens.web.quota;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.quota.OverageCaps;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /api/billing/overage-cap} (FR-61): the Owner sets the current org's overage cap, as
 * {@code {"multiplier": 3}} (times the quota) or {@code {"events": 1500000}}; an optional {@code
 * orgId} names another of the caller's orgs. Session and CSRF token required (API keys never manage
 * billing); 400 names the field, 403 for a non-Owner, 404 for an org the caller is not in, 402 for
 * a plan without overage. The change is audited.
 */
@Controller("/api/billing/overage-cap")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverageCapController {

  private static final Set<String> FIELDS = Set.of("multiplier", "events", "orgId");

  private final SessionAuth auth;
  private final SessionOrKeyAuth current;
  private final OverageCaps caps;

  OverageCapController(SessionAuth auth, SessionOrKeyAuth current, OverageCaps caps) {
    this.auth = auth;
    this.current = current;
    this.caps = caps;
  }

  @Put(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> set(HttpRequest<?> request, @Nullable @Body String body) {
    SessionAuth.Authenticated a = auth.require(request);
    JsonNode json = parse(body);
    String orgId =
        json.hasNonNull("orgId") ? text(json.get("orgId")) : current.require(request).orgId();
    Integer multiplier = json.hasNonNull("multiplier") ? multiplier(json.get("multiplier")) : null;
    Long events = json.hasNonNull("events") ? events(json.get("events")) : null;
    OverageCap cap = caps.set(a.caller(), orgId, multiplier, events);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("orgId", orgId);
    out.put("overageCap", UsageJson.cap(cap));
    return HttpResponse.ok(UsageJson.write(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static JsonNode parse(String body) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : UsageJson.mapper().readTree(body);
    } catch (IOException e) {
      throw AccountException.invalid("body: not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw AccountException.invalid("body: a JSON object with multiplier or events");
    }
    json.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw AccountException.invalid(f + ": unknown field; use multiplier or events");
              }
            });
    return json;
  }

  private static int multiplier(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw AccountException.invalid("multiplier: a whole number");
    }
    return n.asInt();
  }

  private static long events(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw AccountException.invalid("events: a whole number of events");
    }
    return n.asLong();
  }

  private static String text(JsonNode n) {
    if (!n.isTextual() || n.asText().isBlank()) {
      throw AccountException.invalid("orgId: a text");
    }
    return n.asText();
  }
}
