package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} (docs/operations.md, "Metrics"), run unchanged against both launchers: 404
 * without {@code agentlens.metrics.token}, 401 without or with a wrong bearer token, valid
 * Prometheus text otherwise, and the ingest, worker, queue and key-cache meters move when events
 * are ingested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetricsApiContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Says whether the launcher's storage has a connection pool (HikariCP on PostgreSQL; SQLite has
   * none), so pool gauges are expected.
   *
   * @return true when pool gauges must be published
   */
  protected abstract boolean hasConnectionPool();

  /**
   * Says whether the launcher's storage writes through a single writer thread (SQLite's group
   * commit; PostgreSQL has none), so writer meters are expected.
   *
   * @return true when writer meters must be published
   */
  protected abstract boolean hasSingleWriter();

  /**
   * Says whether the launcher's storage keeps its session index behind the commit (SQLite's {@code
   * event_sessions}; PostgreSQL indexes in every commit), so session-index meters are expected.
   *
   * @return true when session-index meters must be published
   */
  protected abstract boolean defersSessionIndex();

  private final String token = "metrics-" + UUID.randomUUID();
  private TestStack stack;

  @BeforeAll
  void startStack() {
    stack = start(Map.of("agentlens.metrics.token", token));
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }

  @Test
  void withoutTheRightBearerTokenTheAnswerIs401WithTheErrorBody() throws Exception {
    for (String auth : new String[] {null, "Bearer wrong", "Bearer " + token + "x", token}) {
      HttpResponse<String> r = scrape(auth);
      assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
      assertThat(r.body()).contains("\"status\":401").contains("\"error\"");
      assertThat(r.body()).doesNotContain(token);
    }
  }

  @Test
  void theScrapeIsPrometheusTextAndCountersMoveWhenEventsAreIngested() throws Exception {
    Prometheus before = Prometheus.parse(ok());
    assertThat(before.names())
        .contains(
            "agentlens_queue_depth",
            "agentlens_queue_oldest_age_seconds",
            "agentlens_queue_dead_letters",
            "agentlens_keycache_requests_total");
    // why: NaN is what a failing read gives (e.g. the backlog function not granted)
    assertThat(before.sum("agentlens_llm_requests_inbox_notes", Map.of()))
        .isNotNaN()
        .isGreaterThanOrEqualTo(0.0);
    assertThat(before.sum("agentlens_llm_requests_inbox_oldest_age_seconds", Map.of()))
        .isNotNaN()
        .isGreaterThanOrEqualTo(0.0);
    assertThat(before.names())
        .contains(
            "agentlens_llm_requests_inbox_notes",
            "agentlens_llm_requests_inbox_oldest_age_seconds");

    Tenant t = new Tenants(stack).create(Plan.PRO, null);
    Api api = new Api(stack.url());
    String s = SdkRequests.session();
    Api.Reply accepted =
        api.post(
            "/api/events",
            t.key(),
            SdkRequests.batch(SdkRequests.toolCall(s, null), SdkRequests.toolCall(s, null)));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    assertThat(api.post("/api/events", t.key(), "{\"events\":[{}]}").status()).isEqualTo(400);
    assertThat(api.post("/api/events", "al_live_" + "x".repeat(32), "{}").status()).isEqualTo(401);
    Api.Reply stored =
        api.await(
            "/api/sessions/" + s + "/timeline",
            t.key(),
            r -> r.status() == 200 && r.json().path("events").size() == 2,
            Duration.ofSeconds(10));
    assertThat(stored.status()).as(stored.raw()).isEqualTo(200);

    Prometheus after = awaitWorkerBatch(before);
    assertThat(after.sum("agentlens_ingest_events_accepted_total", Map.of()))
        .isEqualTo(before.sum("agentlens_ingest_events_accepted_total", Map.of()) + 2);
    Map<String, String> ok = Map.of("outcome", "accepted", "reason", "none");
    assertThat(after.sum("agentlens_ingest_requests_total", ok))
        .isEqualTo(before.sum("agentlens_ingest_requests_total", ok) + 1);
    for (String reason : new String[] {"invalid", "unauthorized"}) {
      Map<String, String> refused = Map.of("outcome", "refused", "reason", reason);
      assertThat(after.sum("agentlens_ingest_requests_total", refused))
          .as(reason)
          .isEqualTo(before.sum("agentlens_ingest_requests_total", refused) + 1);
    }
    Map<String, String> route = Map.of("uri", "/api/events", "status", "202", "method", "POST");
    assertThat(after.sum("http_server_requests_seconds_count", route))
        .isEqualTo(before.sum("http_server_requests_seconds_count", route) + 1);
    assertThat(after.sum("agentlens_worker_batch_events_sum", Map.of()))
        .isGreaterThanOrEqualTo(before.sum("agentlens_worker_batch_events_sum", Map.of()) + 2);
    assertThat(after.sum("agentlens_worker_write_seconds_count", Map.of()))
        .isGreaterThan(before.sum("agentlens_worker_write_seconds_count", Map.of()));
    assertThat(after.sum("agentlens_keycache_requests_total", Map.of()))
        .as("every key check is a hit or a miss")
        .isGreaterThan(before.sum("agentlens_keycache_requests_total", Map.of()) + 2);
    assertThat(after.sum("agentlens_queue_dead_letters", Map.of())).isZero();
  }

  @Test
  void poolGaugesArePublishedWhenTheStorageHasAPool() throws Exception {
    assumeTrue(hasConnectionPool(), "this launcher's storage has no connection pool");
    Prometheus p = Prometheus.parse(ok());
    assertThat(p.sum("agentlens_db_pool_max", Map.of())).isPositive();
    assertThat(p.names())
        .contains(
            "agentlens_db_pool_active", "agentlens_db_pool_idle", "agentlens_db_pool_waiting");
  }

  @Test
  void writerMetersMoveWhenEventsAreStoredWhereTheStorageHasASingleWriter() throws Exception {
    assumeTrue(hasSingleWriter(), "this launcher's storage has no single writer");
    Prometheus before = Prometheus.parse(ok());
    Tenant t = new Tenants(stack).create(Plan.PRO, null);
    Api api = new Api(stack.url());
    String s = SdkRequests.session();
    assertThat(
            api.post("/api/events", t.key(), SdkRequests.batch(SdkRequests.toolCall(s, null)))
                .status())
        .isEqualTo(202);
    Prometheus after = Prometheus.parse(ok());
    String[] totals = {
      "agentlens_db_writer_commits_total",
      "agentlens_db_writer_units_total",
      "agentlens_db_writer_busy_seconds_total",
      "agentlens_db_writer_commit_seconds_total",
      "agentlens_db_writer_unit_wait_seconds_total"
    };
    for (String name : totals) {
      // a 202 from this launcher means the events were committed by the writer
      assertThat(after.sum(name, Map.of())).as(name).isGreaterThan(before.sum(name, Map.of()));
    }
    assertThat(after.sum("agentlens_db_writer_units_total", Map.of()))
        .as("every group holds at least one unit")
        .isGreaterThanOrEqualTo(after.sum("agentlens_db_writer_commits_total", Map.of()));
    assertThat(after.sum("agentlens_db_writer_commit_seconds_total", Map.of()))
        .as("commits are part of the writer's busy time")
        .isLessThanOrEqualTo(after.sum("agentlens_db_writer_busy_seconds_total", Map.of()));
    assertThat(after.names())
        .contains("agentlens_db_writer_waiting", "agentlens_db_writer_background_seconds_total");
    assertThat(after.sum("agentlens_db_writer_waiting", Map.of())).isGreaterThanOrEqualTo(0);
  }

  private static final String[] SESSION_INDEX_METERS = {
    "agentlens_db_session_index_waiting",
    "agentlens_db_session_index_runs_total",
    "agentlens_db_session_index_events_total",
    "agentlens_db_session_index_busy_seconds_total"
  };

  @Test
  void noSessionIndexMetersWhereTheIndexIsKeptInEveryCommit() throws Exception {
    assumeFalse(defersSessionIndex(), "this launcher's storage keeps its session index behind");
    assertThat(Prometheus.parse(ok()).names()).doesNotContain(SESSION_INDEX_METERS);
  }

  @Test
  void sessionIndexMetersFollowTheIndexWhereItIsKeptBehindTheCommit() throws Exception {
    assumeTrue(defersSessionIndex(), "this launcher's storage indexes sessions in every commit");
    Prometheus before = Prometheus.parse(ok());
    assertThat(before.names()).contains(SESSION_INDEX_METERS);
    Tenant t = new Tenants(stack).create(Plan.PRO, null);
    String s = SdkRequests.session();
    assertThat(
            new Api(stack.url())
                .post(
                    "/api/events",
                    t.key(),
                    SdkRequests.batch(SdkRequests.toolCall(s, null), SdkRequests.toolCall(s, null)))
                .status())
        .isEqualTo(202);
    // the launcher's indexer runs every second and takes what was stored since its last run
    String indexed = "agentlens_db_session_index_events_total";
    Prometheus after = Prometheus.parse(ok());
    for (int i = 0;
        i < 200 && after.sum(indexed, Map.of()) < before.sum(indexed, Map.of()) + 2;
        i++) {
      Thread.sleep(50);
      after = Prometheus.parse(ok());
    }
    assertThat(after.sum(indexed, Map.of()))
        .isGreaterThanOrEqualTo(before.sum(indexed, Map.of()) + 2);
    assertThat(after.sum("agentlens_db_session_index_runs_total", Map.of()))
        .isGreaterThan(before.sum("agentlens_db_session_index_runs_total", Map.of()));
    assertThat(after.sum("agentlens_db_session_index_busy_seconds_total", Map.of()))
        .isGreaterThan(before.sum("agentlens_db_session_index_busy_seconds_total", Map.of()));
    assertThat(after.sum("agentlens_db_session_index_waiting", Map.of())).isNotNegative();
  }

  @Test
  void withoutAConfiguredTokenThereIsNoMetricsEndpoint() throws Exception {
    try (TestStack plain = start(Map.of())) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(plain.url() + "/metrics"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(404);
    }
  }

  private Prometheus awaitWorkerBatch(Prometheus before) throws Exception {
    double writes = before.sum("agentlens_worker_write_seconds_count", Map.of());
    Prometheus now = Prometheus.parse(ok());
    for (int i = 0;
        i < 200 && now.sum("agentlens_worker_write_seconds_count", Map.of()) <= writes;
        i++) {
      Thread.sleep(25);
      now = Prometheus.parse(ok());
    }
    return now;
  }

  private String ok() throws Exception {
    HttpResponse<String> r = scrape("Bearer " + token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain").contains("version=0.0.4"));
    return r.body();
  }

  private HttpResponse<String> scrape(String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + "/metrics"))
            .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
