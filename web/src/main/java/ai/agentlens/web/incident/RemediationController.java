package ai.agentlens.web.incident;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.remediation.Remediations;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.remediation.SettingsWeb;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Remediation of incidents (seed 003 R5): {@code GET /api/incidents/{id}/remediations} lists the
 * incident's remediations oldest first (members); {@code POST} applies one ({@code {kind, params,
 * agentId?}}, 201) and {@code POST …/{remediationId}/revert} reverts one (Owner/Admin or an org
 * key; audited). Another org's incident or remediation is a 404; bad input a 400 naming the field.
 */
@Controller("/api/incidents/{id}/remediations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RemediationController {

  private final IncidentAccess access;
  private final Remediations remediations;

  RemediationController(IncidentAccess access, Remediations remediations) {
    this.access = access;
    this.remediations = remediations;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> list(HttpRequest<?> request, @PathVariable String id) {
    String org = access.reader(request);
    return remediations
        .list(org, id)
        .<MutableHttpResponse<?>>map(l -> json(HttpStatus.OK, SettingsWeb.remediations(l)))
        .orElseGet(() -> notFound(IncidentController.NOT_FOUND));
  }

  @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> apply(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    IncidentAccess.Writer w = access.writer(request);
    JsonObject in = SettingsWeb.object(body);
    Object params = in.get("params") == null ? JsonObject.EMPTY : in.get("params");
    // why: an unknown or missing kind is reported by the use case, after the incident is found,
    // so another org's incident is a 404 whatever the body
    String kind = in.get("kind") instanceof String k ? k : null;
    if (!(params instanceof JsonObject p)) {
      throw bad("params", "must be an object");
    }
    Object agent = in.get("agentId");
    if (agent != null && !(agent instanceof String)) {
      throw bad("agentId", "must be text");
    }
    try {
      return remediations
          .apply(w.orgId(), w.actor(), id, kind, p, (String) agent)
          .<MutableHttpResponse<?>>map(
              r -> json(HttpStatus.CREATED, JsonWriter.write(SettingsWeb.remediation(r))))
          .orElseGet(() -> notFound(IncidentController.NOT_FOUND));
    } catch (SettingsInvalidException e) {
      throw SettingsWeb.invalid(e);
    }
  }

  @Post(
      uri = "/{remediationId}/revert",
      produces = MediaType.APPLICATION_JSON,
      consumes = MediaType.ALL)
  MutableHttpResponse<?> revert(
      HttpRequest<?> request, @PathVariable String id, @PathVariable String remediationId) {
    IncidentAccess.Writer w = access.writer(request);
    return remediations
        .revert(w.orgId(), w.actor(), id, remediationId)
        .<MutableHttpResponse<?>>map(
            r -> json(HttpStatus.OK, JsonWriter.write(SettingsWeb.remediation(r))))
        .orElseGet(() -> notFound("Remediation not found"));
  }

  private static BadRequestException bad(String path, String message) {
    return new BadRequestException("Validation failed", List.of(new Problem(path, message)));
  }

  private static MutableHttpResponse<String> json(HttpStatus status, String body) {
    return HttpResponse.<String>status(status)
        .body(body)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound(String message) {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(message, 404));
  }
}
