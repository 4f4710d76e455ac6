package ai.agentlens.web.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Liveness and readiness, without authentication. {@code GET /api/health} is what the AgentLens
 * SDKs call; it says the process is up. {@code GET /api/ready} runs every {@link ReadinessProbe}
 * (PostgreSQL, Redis … as the launcher provides) and answers 503 while any of them fails.
 */
@Controller("/api")
public class HealthController {

  private final BuildInfo buildInfo;
  private final List<ReadinessProbe> probes;

  HealthController(BuildInfo buildInfo, List<ReadinessProbe> probes) {
    this.buildInfo = buildInfo;
    this.probes = probes;
  }

  /**
   * Liveness.
   *
   * @return {@code {"status":"ok","version":"…"}}
   */
  @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
  public Health health() {
    return new Health("ok", buildInfo.version());
  }

  /**
   * Readiness: every probe, run in parallel, each bounded by its own timeout.
   *
   * @return 200 when all probes pass, else 503; the body names each dependency and its state
   */
  @Get(uri = "/ready", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Readiness> ready() {
    Map<String, CompletableFuture<String>> running = new TreeMap<>();
    for (ReadinessProbe probe : probes) {
      running.put(
          probe.name(),
          CompletableFuture.supplyAsync(() -> probe.problem().orElse("up"))
              .completeOnTimeout("timed out", probe.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .exceptionally(e -> "failed: " + e.getClass().getSimpleName()));
    }
    Map<String, String> checks = new TreeMap<>();
    running.forEach((name, result) -> checks.put(name, result.join()));
    boolean ready = checks.values().stream().allMatch("up"::equals);
    Readiness body = new Readiness(ready ? "ready" : "not ready", buildInfo.version(), checks);
    return ready
        ? HttpResponse.ok(body)
        : HttpResponse.<Readiness>serverError().status(503).body(body);
  }

  /**
   * Liveness body.
   *
   * @param status always {@code ok}
   * @param version the project version
   */
  @Serdeable
  public record Health(String status, String version) {}

  /**
   * Readiness body.
   *
   * @param status {@code ready} or {@code not ready}
   * @param version the project version
   * @param checks each dependency by name: {@code up} or why it is not
   */
  @Serdeable
  public record Readiness(String status, String version, Map<String, String> checks) {}
}
