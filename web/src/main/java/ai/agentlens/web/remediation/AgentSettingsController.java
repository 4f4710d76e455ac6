package ai.agentlens.web.remediation;

import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.remediation.AgentSettingsEditor;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.core.remediation.SettingsJson;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.web.auth.OwnerAdminWrites;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Agent settings (seed 003 R8): {@code GET/PUT /api/agents/{id}/settings} (the agent's own row, the
 * org defaults and the effective settings) and {@code GET/PUT /api/settings/agents} (the org
 * defaults). Members and org keys read; Owners, Admins and org keys write (audited). {@code PUT}
 * replaces the row: an absent field falls back to the default. Another org's agent is a 404.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgentSettingsController {

  private static final String REFUSAL = "changing agent settings needs the Owner or Admin role";

  private final OwnerAdminWrites access;
  private final AgentSettingsEditor editor;

  AgentSettingsController(OwnerAdminWrites access, AgentSettingsEditor editor) {
    this.access = access;
    this.editor = editor;
  }

  @Get(uri = "/api/agents/{id}/settings", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> read(HttpRequest<?> request, @PathVariable String id) {
    String org = access.reader(request);
    return editor
        .read(org, id)
        .<MutableHttpResponse<?>>map(v -> json(view(id, v)))
        .orElseGet(AgentSettingsController::notFound);
  }

  @Put(
      uri = "/api/agents/{id}/settings",
      produces = MediaType.APPLICATION_JSON,
      consumes = MediaType.ALL)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    OwnerAdminWrites.Change c = access.writer(request, REFUSAL);
    AgentSettings s = parse(body);
    return editor
        .update(c.orgId(), actor(c), id, s)
        .<MutableHttpResponse<?>>map(v -> json(view(id, v)))
        .orElseGet(AgentSettingsController::notFound);
  }

  @Get(uri = "/api/settings/agents", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> defaults(HttpRequest<?> request) {
    return json(defaults(editor.defaults(access.reader(request))));
  }

  @Put(
      uri = "/api/settings/agents",
      produces = MediaType.APPLICATION_JSON,
      consumes = MediaType.ALL)
  MutableHttpResponse<?> updateDefaults(HttpRequest<?> request, @Nullable @Body String body) {
    OwnerAdminWrites.Change c = access.writer(request, REFUSAL);
    AgentSettings s = parse(body);
    return json(defaults(editor.updateDefaults(c.orgId(), actor(c), s)));
  }

  static Incidents.Actor actor(OwnerAdminWrites.Change c) {
    return new Incidents.Actor(c.actorType(), c.actor(), c.from());
  }

  private static AgentSettings parse(String body) {
    JsonObject in = SettingsWeb.object(body);
    try {
      return SettingsJson.parse(in);
    } catch (SettingsInvalidException e) {
      throw SettingsWeb.invalid(e);
    }
  }

  private static String view(String agentId, AgentSettingsEditor.View v) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("agentId", agentId);
    o.put("settings", SettingsJson.write(v.own()));
    o.put("defaults", SettingsJson.write(v.defaults()));
    o.put("effective", SettingsJson.write(v.effective()));
    return JsonWriter.write(JsonObject.of(o));
  }

  private static String defaults(AgentSettings s) {
    return JsonWriter.write(JsonObject.of(Map.of("defaults", SettingsJson.write(s))));
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound() {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of("Agent not found", 404));
  }
}
