package ai.agentlens.web.guardrail;

import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /api/agents/{id}/unpause}: clears a {@code pause_agent} guardrail's pause. Owner or
 * Admin (or an API key), audited as {@code agent.unpause}; another org's agent is 404.
 */
@Controller("/api/agents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgentControlController {

  private final GuardrailAccess access;
  private final Guardrails guardrails;

  AgentControlController(GuardrailAccess access, Guardrails guardrails) {
    this.access = access;
    this.guardrails = guardrails;
  }

  @Post(uri = "/{id}/unpause", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> unpause(HttpRequest<?> request, @PathVariable String id) {
    var who = access.manage(request);
    if (!guardrails.unpause(who.orgId(), who.actor(), id)) {
      return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of("Agent not found", 404));
    }
    return HttpResponse.ok("{\"ok\":true,\"agentId\":\"" + id.replace("\"", "") + "\"}")
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
