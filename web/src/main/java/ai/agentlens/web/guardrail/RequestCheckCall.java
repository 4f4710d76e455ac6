package ai.agentlens.web.guardrail;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.guardrail.RequestCheck;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * The request variant of {@code POST /api/guardrails/evaluate}: reads {@code request.agentId} (and
 * the optional {@code toolName}, {@code route}, {@code prompt}), asks the {@link RequestCheck} with
 * the calling API key's own limit, and renders the answer; 503 when the rate limiter is
 * unreachable.
 */
@Singleton
class RequestCheckCall {

  private final RequestCheck requests;
  private final ApiKeyAuth keys;

  RequestCheckCall(RequestCheck requests, ApiKeyAuth keys) {
    this.requests = requests;
    this.keys = keys;
  }

  MutableHttpResponse<?> answer(HttpRequest<?> request, String orgId, JsonObject req) {
    String agent = req.string("agentId");
    if (agent == null || agent.isBlank()) {
      throw GuardrailController.bad("request.agentId", "is required");
    }
    ApiKeyPrincipal key = callerKey(request);
    Integer keyLimit = key == null ? null : key.rateLimitOverride();
    RequestCheck.Ask ask =
        new RequestCheck.Ask(
            text(req, "request.", "toolName"),
            text(req, "request.", "route"),
            text(req, "request.", "prompt"),
            key == null ? null : key.keyId(),
            keyLimit);
    try {
      return HttpResponse.ok(
              RequestCheckJson.requestCheck(requests.check(orgId, agent, ask), keyLimit))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (IllegalStateException e) {
      return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(ErrorBody.of("Rate limiter unavailable; retry", 503));
    }
  }

  // why: the SDK asks with its API key; that key's own limit (a rate_limit remediation) is part
  // of what applies to it. A signed-in person has none.
  private ApiKeyPrincipal callerKey(HttpRequest<?> request) {
    String h = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? keys.require(request) : null;
  }

  static String text(JsonObject o, String prefix, String key) {
    Object v = o.get(key);
    if (v != null && !(v instanceof String)) {
      throw GuardrailController.bad(prefix + key, "must be text");
    }
    if (v != null && ((String) v).length() > Params.MAX_CONTENT) {
      throw GuardrailController.bad(
          prefix + key, "must be at most " + Params.MAX_CONTENT + " characters");
    }
    return GuardrailController.blank((String) v);
  }
}
