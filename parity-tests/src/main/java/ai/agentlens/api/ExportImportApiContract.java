package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Org export and import (docs/export-import.md) on both launchers: the JSONL shape and its
 * checksum, gzip both ways, import into another org keeping ids, sequences and hashes (and the
 * timeline still verifying), re-import as a no-op, invalid lines reported while valid ones are
 * imported, the per-org rate limit (429, Retry-After, resume with {@code fromLine}), 401/403,
 * isolation between orgs, and the org's configuration carried over without its secrets.
 */
public abstract class ExportImportApiContract extends LauncherApiSuite {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TransferHttp http() {
    return new TransferHttp(stack.url());
  }

  /** An org with two sessions of three events each (unicode, nested metadata). */
  private record Loaded(Tenant tenant, List<String> sessions) {}

  private Loaded load(int perSession) throws InterruptedException {
    Tenant t = tenants.create(Plan.TEAM, null);
    List<String> sessions = List.of(SdkRequests.session(), SdkRequests.session());
    List<String> events = new ArrayList<>();
    for (String s : sessions) {
      for (int i = 0; i < perSession; i++) {
        events.add(
            "{\"sessionId\":\""
                + s
                + "\",\"agentId\":\"exp-agent\",\"eventType\":\"tool_call\",\"timestamp\":"
                + "\"2026-11-22T10:00:0"
                + i
                + ".123456Z\",\"metadata\":{\"z\":1,\"a\":{\"k\":[1,2.5,\"é\"]}},"
                + "\"payload\":{\"toolName\":\"search\",\"callId\":\"c-"
                + i
                + "\",\"arguments\":{\"q\":\"schuhe 👟\"}}}");
      }
    }
    for (int from = 0; from < events.size(); from += 100) {
      List<String> part = events.subList(from, Math.min(events.size(), from + 100));
      Api.Reply r =
          api.post("/api/events", t.key(), SdkRequests.batch(part.toArray(String[]::new)));
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
    }
    int total = events.size();
    api.awaitStoredEvents(t.key(), total, Duration.ofSeconds(20));
    return new Loaded(t, sessions);
  }

  private static List<JsonNode> lines(String body) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : body.split("\n")) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private static List<JsonNode> ofKind(List<JsonNode> lines, String kind) {
    return lines.stream().filter(n -> kind.equals(n.get("kind").asText())).toList();
  }

  private TransferHttp.Bytes exportOk(String key) {
    TransferHttp.Bytes r = http().export("?format=jsonl", key, null, false);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r;
  }

  @Test
  void theExportHasAHeaderAgentsSessionsEventsAndAChecksumOverThePrecedingLines() throws Exception {
    Loaded l = load(3);
    TransferHttp.Bytes r = exportOk(l.tenant().key());
    assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
    String body = r.text();
    assertThat(body).endsWith("\n");
    List<JsonNode> lines = lines(body);
    JsonNode header = lines.get(0);
    assertThat(header.get("kind").asText()).isEqualTo("header");
    assertThat(header.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(header.get("source").asText()).isEqualTo("agentlens-jvm");
    assertThat(header.get("org").asText()).isEqualTo(l.tenant().orgId());
    assertThat(header.get("hashVersion").asInt()).isEqualTo(1);
    assertThat(header.get("exportedAt").asText()).matches("\\d{4}-.*\\.\\d{6}Z");
    assertThat(ofKind(lines, "agent")).extracting(n -> n.get("id").asText()).contains("exp-agent");
    assertThat(ofKind(lines, "session"))
        .extracting(n -> n.get("id").asText())
        .containsExactlyInAnyOrderElementsOf(l.sessions());
    List<JsonNode> events = ofKind(lines, "event");
    assertThat(events).hasSize(6);
    for (JsonNode e : events) {
      assertThat(e.get("hash").asText()).hasSize(64);
      assertThat(e.get("hashVersion").asInt()).isEqualTo(1);
      assertThat(e.get("payload").get("arguments").get("q").asText()).isEqualTo("schuhe 👟");
      assertThat(e.get("metadata").get("a").get("k").get(2).asText()).isEqualTo("é");
    }
    assertThat(events.get(0).get("sequence").asLong()).isEqualTo(1);
    assertThat(events.get(1).get("prevHash").asText())
        .isEqualTo(events.get(0).get("hash").asText());
    JsonNode checksum = lines.get(lines.size() - 1);
    assertThat(checksum.get("kind").asText()).isEqualTo("checksum");
    assertThat(checksum.get("counts").get("event").asInt()).isEqualTo(6);
    assertThat(checksum.get("counts").get("session").asInt()).isEqualTo(2);
    String before = body.substring(0, body.lastIndexOf("{\"kind\":\"checksum\""));
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(before.getBytes(StandardCharsets.UTF_8)));
    assertThat(checksum.get("sha256").asText()).isEqualTo(sha);
  }

  @Test
  void gzipIsUsedWhenTheClientAcceptsItAndAcceptedOnImport() throws Exception {
    Loaded l = load(2);
    TransferHttp.Bytes zipped = http().export("?format=jsonl", l.tenant().key(), null, true);
    assertThat(zipped.status()).isEqualTo(200);
    assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
    byte[] plain = TransferHttp.gunzip(zipped.body());
    List<JsonNode> lines = lines(new String(plain, StandardCharsets.UTF_8));
    assertThat(ofKind(lines, "event")).hasSize(4);
    Tenant target = tenants.create(Plan.TEAM, null);
    TransferHttp.Bytes imported = http().importBody("", target.key(), plain, true);
    assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    JsonNode report = JSON.readTree(imported.body());
    assertThat(report.get("imported").asInt()).isEqualTo(4);
    assertThat(report.get("checksumVerified").asBoolean()).isTrue();
  }

  @Test
  void importIntoAnotherOrgKeepsEveryFieldAndReImportChangesNothing() throws Exception {
    Loaded l = load(3);
    byte[] file = exportOk(l.tenant().key()).body();
    Tenant target = tenants.create(Plan.TEAM, null);
    TransferHttp.Bytes first = http().importBody("", target.key(), file, false);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    JsonNode report = JSON.readTree(first.body());
    assertThat(report.get("imported").asInt()).isEqualTo(6);
    assertThat(report.get("invalid").asInt()).isZero();
    assertThat(report.get("rechained").asInt()).isZero();
    assertThat(report.get("derived").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(report.get("checksumVerified").asBoolean()).isTrue();
    assertThat(eventLines(exportOk(target.key()).text()))
        .isEqualTo(eventLines(new String(file, StandardCharsets.UTF_8)));
    for (String s : l.sessions()) {
      Api.Reply tl = api.get("/api/sessions/" + s + "/timeline", target.key());
      assertThat(tl.status()).as(tl.raw()).isEqualTo(200);
      assertThat(tl.json().get("chainValid").asBoolean()).isTrue();
    }
    JsonNode again = JSON.readTree(http().importBody("", target.key(), file, false).body());
    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(6);
    assertThat(eventLines(exportOk(target.key()).text()))
        .isEqualTo(eventLines(new String(file, StandardCharsets.UTF_8)));
  }

  private static List<String> eventLines(String body) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode n : ofKind(lines(body), "event")) {
      out.add(n.toString());
    }
    return out;
  }

  @Test
  void invalidLinesAreReportedAndTheValidOnesImported() throws Exception {
    Loaded l = load(2);
    List<JsonNode> events = ofKind(lines(exportOk(l.tenant().key()).text()), "event");
    ObjectNode noSession = events.get(1).deepCopy();
    noSession.remove("sessionId");
    ObjectNode badType = events.get(2).deepCopy();
    badType.put("eventType", "no_such_type");
    String body =
        events.get(0)
            + "\n{not json\n"
            + noSession
            + "\n"
            + badType
            + "\n"
            + events.get(3)
            + "\n{\"kind\":\"mystery\"}\n{}\n";
    Tenant target = tenants.create(Plan.TEAM, null);
    TransferHttp.Bytes r =
        http().importBody("", target.key(), body.getBytes(StandardCharsets.UTF_8), false);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("imported").asInt()).isEqualTo(2);
    assertThat(report.get("invalid").asInt()).isEqualTo(5);
    List<Long> bad = new ArrayList<>();
    report.get("errors").forEach(e -> bad.add(e.get("line").asLong()));
    // why: line 5 follows a skipped event of its session, so the writer gives it sequence 1 and a
    // new hash; it is stored and reported as rechained, not as invalid
    assertThat(bad).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(report.get("rechained").asInt()).isEqualTo(1);
    assertThat(report.get("errors").get(1).get("error").asText()).contains("sessionId");
    assertThat(report.get("checksumVerified").asBoolean()).isFalse();
  }

  @Test
  void exportAndImportNeedCredentialsAndExportNeedsOwnerOrAdmin() throws Exception {
    Tenant t = tenants.create(Plan.TEAM, null);
    TransferHttp h = http();
    assertThat(h.export("", null, null, false).status()).isEqualTo(401);
    assertThat(h.export("", "al_live_" + "x".repeat(32), null, false).status()).isEqualTo(401);
    byte[] one = "{\"kind\":\"mystery\"}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(h.importBody("", null, one, false).status()).isEqualTo(401);
    TransferHttp.Bytes member = h.export("", null, session(t.orgId(), Role.MEMBER), false);
    assertThat(member.status()).isEqualTo(403);
    assertThat(JSON.readTree(member.body()).get("error").asText()).contains("Owner or Admin");
    assertThat(h.export("", null, session(t.orgId(), Role.VIEWER), false).status()).isEqualTo(403);
    TransferHttp.Bytes admin = h.export("", null, session(t.orgId(), Role.ADMIN), false);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(lines(admin.text()).get(0).get("org").asText()).isEqualTo(t.orgId());
    TransferHttp.Bytes badFormat = h.export("?format=csv", t.key(), null, false);
    assertThat(badFormat.status()).isEqualTo(400);
    assertThat(JSON.readTree(badFormat.body()).get("error").asText()).contains("jsonl");
    assertThat(h.export("?from=yesterday", t.key(), null, false).status()).isEqualTo(400);
    assertThat(h.importBody("?fromLine=0", t.key(), one, false).status()).isEqualTo(400);
  }

  @Test
  void anotherOrgsKeySeesNothingOfThisOrg() throws Exception {
    Loaded l = load(2);
    Tenant other = tenants.create(Plan.TEAM, null);
    String body = exportOk(other.key()).text();
    List<JsonNode> lines = lines(body);
    assertThat(lines.get(0).get("org").asText()).isEqualTo(other.orgId());
    assertThat(ofKind(lines, "event")).isEmpty();
    assertThat(ofKind(lines, "session")).isEmpty();
    for (String s : l.sessions()) {
      assertThat(body).doesNotContain(s);
    }
  }

  /**
   * The configuration read routes compared between orgs: their org ids and whether a webhook secret
   * is set left out (secrets are not exported; asserted on their own).
   */
  private static final List<String> CONFIG_ROUTES =
      List.of(
          "/api/guardrails",
          "/api/cost-budgets",
          "/api/alerts/rules",
          "/api/incidents/rules",
          "/api/agents/cfg-bot/settings",
          "/api/settings/agents");

  private void configure(String key) throws InterruptedException {
    Api.Reply event =
        api.post(
            "/api/events",
            key,
            SdkRequests.batch(
                "{\"sessionId\":\"cfg-s\",\"agentId\":\"cfg-bot\",\"eventType\":\"tool_call\","
                    + "\"payload\":{\"toolName\":\"search\",\"callId\":\"c\",\"arguments\":{}}}"));
    assertThat(event.status()).as(event.raw()).isEqualTo(202);
    api.await("/api/agents/cfg-bot/settings", key, x -> x.status() == 200, Duration.ofSeconds(20));
    Browser b = new Browser(stack.url()).withBearer(key);
    List<Api.Reply> replies =
        List.of(
            b.send(
                "POST",
                "/api/guardrails",
                "{\"name\":\"hook\",\"agentId\":\"cfg-bot\",\"cooldownMinutes\":3,"
                    + "\"conditionType\":\"error_rate_threshold\",\"conditionConfig\":"
                    + "{\"threshold\":12.5},\"actionType\":\"notify_webhook\",\"actionConfig\":"
                    + "{\"url\":\"https://hooks.example.com/g\",\"secret\":\"cfg-secret-123\"}}"),
            b.send(
                "POST",
                "/api/cost-budgets",
                "{\"scope\":\"agent\",\"agentId\":\"cfg-bot\",\"period\":\"weekly\","
                    + "\"limitUsd\":25.5,\"onBreach\":\"pause_agent\",\"anomalyMultiplier\":3}"),
            b.send(
                "POST",
                "/api/alerts/rules",
                "{\"name\":\"Costly\",\"condition\":\"cost_exceeds\",\"threshold\":2.5,"
                    + "\"windowMinutes\":30,\"scope\":{\"agentId\":\"cfg-bot\",\"tags\":[\"prod\"]},"
                    + "\"notifyChannels\":[\"https://hooks.example.com/a\",\"email:ops@example.com\"],"
                    + "\"webhookSecret\":\"cfg-secret-456\"}"),
            b.send(
                "POST",
                "/api/incidents/rules",
                "{\"type\":\"latency\",\"threshold\":2500,\"windowMinutes\":10,"
                    + "\"severity\":\"high\",\"agentId\":\"cfg-bot\"}"),
            b.send(
                "PUT",
                "/api/agents/cfg-bot/settings",
                "{\"preferredModel\":\"gpt-4o-mini\",\"disabledTools\":[\"shell\"]}"),
            b.send("PUT", "/api/settings/agents", "{\"riskThreshold\":70}"));
    for (Api.Reply r : replies) {
      assertThat(r.status()).as(r.raw()).isBetween(200, 201);
    }
  }

  private List<JsonNode> configOf(String key) {
    List<JsonNode> out = new ArrayList<>();
    for (String route : CONFIG_ROUTES) {
      Api.Reply r = api.get(route, key);
      assertThat(r.status()).as(route + " " + r.raw()).isEqualTo(200);
      out.add(withoutOrg(r.json().deepCopy()));
    }
    return out;
  }

  private static JsonNode withoutOrg(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove(List.of("tenantId", "orgId", "secretSet", "webhookSecretSet"));
    }
    n.forEach(ExportImportApiContract::withoutOrg);
    return n;
  }

  @Test
  void configurationTravelsWithTheExportWithoutSecretsAndReImportKeepsIt() throws Exception {
    Tenant source = tenants.create(Plan.TEAM, null);
    configure(source.key());
    byte[] file = exportOk(source.key()).body();
    String text = new String(file, StandardCharsets.UTF_8);
    List<JsonNode> lines = lines(text);
    for (String kind : List.of("guardrail_rule", "cost_budget", "alert_rule", "incident_rule")) {
      assertThat(ofKind(lines, kind)).as(kind).hasSize(1);
    }
    assertThat(ofKind(lines, "agent_settings")).hasSize(2);
    assertThat(text).doesNotContain("cfg-secret");
    assertThat(lines.get(lines.size() - 1).get("counts").get("guardrail_rule").asInt()).isOne();

    Tenant target = tenants.create(Plan.TEAM, null);
    JsonNode first = JSON.readTree(http().importBody("", target.key(), file, false).body());
    assertThat(first.get("configImported").asInt()).as(first.toString()).isEqualTo(6);
    assertThat(first.get("invalid").asInt()).as(first.toString()).isZero();
    assertThat(first.get("checksumVerified").asBoolean()).isTrue();
    List<JsonNode> want = configOf(source.key());
    assertThat(configOf(target.key())).isEqualTo(want);
    JsonNode rule = api.get("/api/guardrails", target.key()).json().get("rules").get(0);
    assertThat(rule.get("agentId").asText()).isEqualTo("cfg-bot");
    assertThat(rule.get("actionConfig").has("secretSet")).isFalse();
    assertThat(
            api.get("/api/alerts/rules", target.key())
                .json()
                .get("rules")
                .get(0)
                .get("webhookSecretSet")
                .asBoolean())
        .isFalse();

    JsonNode again = JSON.readTree(http().importBody("", target.key(), file, false).body());
    assertThat(again.get("configImported").asInt()).isZero();
    assertThat(again.get("configUnchanged").asInt()).isEqualTo(6);
    assertThat(configOf(target.key())).isEqualTo(want);

    ObjectNode badBudget = (ObjectNode) ofKind(lines, "cost_budget").get(0).deepCopy();
    badBudget.put("id", "budget-bad").put("period", "fortnightly");
    JsonNode bad =
        JSON.readTree(
            http()
                .importBody(
                    "",
                    tenants.create(Plan.TEAM, null).key(),
                    (badBudget + "\n").getBytes(StandardCharsets.UTF_8),
                    false)
                .body());
    assertThat(bad.get("invalid").asInt()).isOne();
    assertThat(bad.get("errors").get(0).get("error").asText()).startsWith("cost_budget: period");
  }

  @Test
  void theImportRateLimitAnswers429WithTheLineToResumeFrom() throws Exception {
    try (TestStack limited = start(Map.of("agentlens.import.records-per-minute", "60"))) {
      Tenants t = new Tenants(limited);
      Tenant source = tenants.create(Plan.TEAM, null);
      StringBuilder file = new StringBuilder();
      List<JsonNode> seed = ofKind(lines(exportOk(load(1).tenant().key()).text()), "event");
      for (int i = 0; i < 65; i++) {
        ObjectNode e = seed.get(0).deepCopy();
        e.put("id", "imp-" + i + "-" + UUID.randomUUID());
        e.put("sessionId", "rate-" + source.orgId() + "-" + i);
        file.append(e).append('\n');
      }
      Tenant target = t.create(Plan.TEAM, null);
      TransferHttp h = new TransferHttp(limited.url());
      byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
      TransferHttp.Bytes first = h.importBody("", target.key(), bytes, false);
      assertThat(first.status()).as(first.text()).isEqualTo(429);
      long retry = Long.parseLong(first.header("Retry-After"));
      assertThat(retry).isBetween(1L, 60L);
      JsonNode report = JSON.readTree(first.body());
      assertThat(report.get("status").asInt()).isEqualTo(429);
      assertThat(report.get("imported").asInt()).isEqualTo(60);
      assertThat(report.get("resumeFromLine").asLong()).isEqualTo(61);
      Thread.sleep(Duration.ofSeconds(retry).toMillis() + 200);
      TransferHttp.Bytes rest = h.importBody("?fromLine=61", target.key(), bytes, false);
      assertThat(rest.status()).as(rest.text()).isEqualTo(200);
      JsonNode done = JSON.readTree(rest.body());
      assertThat(done.get("imported").asInt()).isEqualTo(5);
      assertThat(done.get("duplicates").asInt()).isZero();
      assertThat(
              new Api(limited.url())
                  .get("/api/events?limit=1", target.key())
                  .json()
                  .get("total")
                  .asInt())
          .isEqualTo(65);
    }
  }

  private String session(String orgId, Role role) {
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    var now = stack.bean(Clock.class).now();
    stack
        .bean(UserStore.class)
        .create(new User(id, id + "@example.com", "U", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, role, now));
    return stack.bean(LoginSessions.class).start(id).cookieValue();
  }
}
