package ai.agentlens.web.memory;

import ai.agentlens.core.memory.context.Context;
import ai.agentlens.core.memory.reflect.Reflect;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/reflect?analysis&agentId&from&to&limit} and {@code GET
 * /api/context?topic&userId&agentId&from&to&limit} (reference §3.5, §4.3.7): reads of the caller's
 * org for an API key or any member's dashboard session; bad parameters are 400 naming them.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MemoryController {

  private final SessionOrKeyAuth auth;
  private final Reflect reflect;
  private final Context context;

  MemoryController(SessionOrKeyAuth auth, Reflect reflect, Context context) {
    this.auth = auth;
    this.reflect = reflect;
    this.context = context;
  }

  @Get(uri = "/reflect", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> reflect(HttpRequest<?> request) {
    String orgId = auth.require(request).orgId();
    var q = MemoryRequests.reflect(orgId, params(request));
    return HttpResponse.ok(MemoryJson.reflect(reflect.run(q)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(uri = "/context", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> context(HttpRequest<?> request) {
    String orgId = auth.require(request).orgId();
    var q = MemoryRequests.context(orgId, params(request));
    return HttpResponse.ok(MemoryJson.context(context.context(q)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MemoryParams params(HttpRequest<?> request) {
    Map<String, String> values = new HashMap<>();
    for (String name : request.getParameters().names()) {
      values.put(name, request.getParameters().get(name));
    }
    return new MemoryParams(values);
  }
}
