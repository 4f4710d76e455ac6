package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.OrgStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Import of the AgentLens TypeScript server's NDJSON export (reference §6) on both launchers: the
 * file is written here from the reference's description (records typed by {@code _type}, the {@code
 * events} table's column names, payload and metadata as a text column in one session and as objects
 * in the other), with recipe-2 hashes (reference §2.1) computed here. The events keep their hashes,
 * the timeline and the audit verification accept them, they survive our own export and import into
 * a third org, and a tampered file's session does not verify. Also: an org's settings travel in our
 * export and are restored by an import (retention capped by the target's plan).
 */
public abstract class AgentLensImportApiContract extends LauncherApiSuite {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TransferHttp http() {
    return new TransferHttp(stack.url());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** One AgentLens event row, its hash computed with recipe 2 over its fields in that order. */
  private static Map<String, Object> row(
      String id, String ts, String session, String payload, String prev, boolean asText)
      throws Exception {
    // why: JSON.stringify puts an integer-like key first; the file holds what that server stored
    String storedMetadata = "{\"2\":\"two\",\"env\":\"prod\"}";
    String source =
        "{\"v\":2,\"id\":"
            + JSON.writeValueAsString(id)
            + ",\"timestamp\":"
            + JSON.writeValueAsString(ts)
            + ",\"sessionId\":"
            + JSON.writeValueAsString(session)
            + ",\"agentId\":\"ts-agent\",\"eventType\":\"custom\",\"severity\":\"info\",\"payload\":"
            + payload
            + ",\"metadata\":"
            + storedMetadata
            + ",\"prevHash\":"
            + (prev == null ? "null" : "\"" + prev + "\"")
            + "}";
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("_type", "event");
    r.put("_version", 1);
    r.put("id", id);
    r.put("timestamp", ts);
    r.put("session_id", session);
    r.put("agent_id", "ts-agent");
    r.put("event_type", "custom");
    r.put("severity", "info");
    r.put("payload", asText ? payload : JSON.readTree(payload));
    r.put("metadata", asText ? storedMetadata : JSON.readTree(storedMetadata));
    r.put("prev_hash", prev);
    r.put("hash", sha256(source));
    r.put("tenant_id", "default");
    return r;
  }

  private record AgentLensFile(String text, List<String> sessions, List<String> hashes) {}

  /** Two sessions (3 events with text columns, 2 with objects); optionally one payload altered. */
  private static AgentLensFile agentLensFile(boolean tamper) throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> sessions = List.of("ts-a-" + tag, "ts-b-" + tag);
    List<String> data = new ArrayList<>();
    data.add(
        JSON.writeValueAsString(
            Map.of("_type", "agent", "_version", 1, "id", "ts-agent", "name", "ts-agent")));
    for (String s : sessions) {
      data.add(
          JSON.writeValueAsString(
              Map.of("_type", "session", "_version", 1, "id", s, "agent_id", "ts-agent")));
    }
    List<String> hashes = new ArrayList<>();
    int n = 0;
    for (int k = 0; k < sessions.size(); k++) {
      String prev = null;
      for (int i = 0; i < (k == 0 ? 3 : 2); i++) {
        String id = "01J" + tag.toUpperCase() + String.format("%015d", n++);
        String payload =
            "{\"type\":\"step\",\"data\":{\"10\":true,\"text\":\"schöne Grüße / ok\",\"n\":"
                + (i + 1)
                + ",\"score\":2.5}}";
        Map<String, Object> r =
            row(id, "2026-11-30T10:00:0" + i + ".123Z", sessions.get(k), payload, prev, k == 0);
        if (tamper && k == 0 && i == 1) {
          r.put("payload", payload.replace("ok", "OK"));
        }
        prev = (String) r.get("hash");
        hashes.add(prev);
        data.add(JSON.writeValueAsString(r));
      }
    }
    data.add(
        JSON.writeValueAsString(
            Map.of("_type", "config", "_version", 1, "key", "retention", "value", "30")));
    StringBuilder body = new StringBuilder();
    data.forEach(l -> body.append(l).append('\n'));
    // why: keys in another order than the server writes them; the importer must not care
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("counts", Map.of("agent", 1, "session", 2, "event", 5));
    last.put("sha256", sha256(body.toString()));
    last.put("_type", "checksum");
    last.put("exported_at", "2026-12-01T00:00:00.000Z");
    String checksum = JSON.writeValueAsString(last);
    return new AgentLensFile(body + checksum + "\n", sessions, hashes);
  }

  private JsonNode importOk(Tenant t, String body) throws Exception {
    TransferHttp.Bytes r =
        http().importBody("", t.key(), body.getBytes(StandardCharsets.UTF_8), false);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private void assertVerifies(Tenant t, String session, int events, boolean valid) {
    Api.Reply tl = api.get("/api/sessions/" + session + "/timeline", t.key());
    assertThat(tl.status()).as(tl.raw()).isEqualTo(200);
    assertThat(tl.json().get("chainValid").asBoolean()).as(tl.raw()).isEqualTo(valid);
    Api.Reply audit = api.get("/api/audit/verify?sessionId=" + session, t.key());
    assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
    assertThat(audit.json().get("verified").asBoolean()).as(audit.raw()).isEqualTo(valid);
    assertThat(audit.json().get("totalEvents").asInt()).isEqualTo(events);
  }

  private List<JsonNode> exportedEvents(Tenant t) throws Exception {
    TransferHttp.Bytes r = http().export("?format=jsonl", t.key(), null, false);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    for (String l : r.text().split("\n")) {
      JsonNode n = JSON.readTree(l);
      if ("event".equals(n.get("kind").asText())) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void anAgentLensExportKeepsItsRecipe2HashesAndVerifiesOnTheTimelineAndTheAuditRoute()
      throws Exception {
    AgentLensFile file = agentLensFile(false);
    Tenant target = tenants.create(Plan.TEAM, null);
    JsonNode report = importOk(target, file.text());
    assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(5);
    assertThat(report.get("invalid").asInt()).as(report.toString()).isZero();
    assertThat(report.get("rechained").asInt()).isZero();
    assertThat(report.get("derived").asInt()).isEqualTo(4);
    assertThat(report.get("checksumVerified").asBoolean()).isTrue();
    assertVerifies(target, file.sessions().get(0), 3, true);
    assertVerifies(target, file.sessions().get(1), 2, true);
    List<JsonNode> events = exportedEvents(target);
    assertThat(events)
        .extracting(e -> e.get("hash").asText())
        .containsExactlyInAnyOrderElementsOf(file.hashes());
    assertThat(events).allSatisfy(e -> assertThat(e.get("hashVersion").asInt()).isEqualTo(2));

    JsonNode again = importOk(target, file.text());
    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(5);

    // our own export carries the recipe-2 events on, still verifiable in a third org
    TransferHttp.Bytes ours = http().export("?format=jsonl", target.key(), null, false);
    Tenant third = tenants.create(Plan.TEAM, null);
    JsonNode moved = importOk(third, ours.text());
    assertThat(moved.get("imported").asInt()).isEqualTo(5);
    assertThat(moved.get("rechained").asInt()).isZero();
    assertVerifies(third, file.sessions().get(0), 3, true);
    assertThat(exportedEvents(third))
        .extracting(e -> e.get("hash").asText())
        .containsExactlyInAnyOrderElementsOf(file.hashes());
  }

  @Test
  void aTamperedAgentLensExportIsStoredButItsSessionDoesNotVerify() throws Exception {
    AgentLensFile file = agentLensFile(true);
    Tenant target = tenants.create(Plan.TEAM, null);
    JsonNode report = importOk(target, file.text());
    assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(5);
    assertThat(report.get("checksumVerified").asBoolean()).isTrue();
    assertVerifies(target, file.sessions().get(0), 3, false);
    assertVerifies(target, file.sessions().get(1), 2, true);
    Api.Reply audit =
        api.get("/api/audit/verify?sessionId=" + file.sessions().get(0), target.key());
    assertThat(audit.json().get("brokenChains").get(0).get("failedAtIndex").asInt()).isEqualTo(1);
  }

  @Test
  void anAgentLensEventOfASessionThatAlreadyHasOtherEventsIsRechainedAndReported()
      throws Exception {
    AgentLensFile file = agentLensFile(false);
    Tenant target = tenants.create(Plan.TEAM, null);
    String session = file.sessions().get(1);
    Api.Reply pre =
        api.post(
            "/api/events", target.key(), SdkRequests.batch(SdkRequests.toolCall(session, null)));
    assertThat(pre.status()).as(pre.raw()).isEqualTo(202);
    api.await(
        "/api/sessions/" + session,
        target.key(),
        x -> x.status() == 200 && x.json().get("eventCount").asInt() == 1,
        java.time.Duration.ofSeconds(10));
    JsonNode report = importOk(target, file.text());
    assertThat(report.get("imported").asInt()).isEqualTo(5);
    assertThat(report.get("rechained").asInt()).isEqualTo(2);
    assertThat(report.get("errors").toString()).contains("recipe-1");
    assertVerifies(target, session, 3, true);
    assertVerifies(target, file.sessions().get(0), 3, true);
  }

  @Test
  void orgSettingsTravelInTheExportAndAreRestoredCappedByTheTargetsPlan() throws Exception {
    Tenant source = tenants.create(Plan.SELF_HOSTED, null);
    OrgStore orgs = stack.bean(OrgStore.class);
    orgs.updateSettings(
        source.orgId(), new OrgSettings(400, List.of("re:sk-[a-z0-9]+", "secret-word"), true));
    TransferHttp.Bytes r = http().export("?format=jsonl", source.key(), null, false);
    assertThat(r.status()).isEqualTo(200);
    JsonNode settings = JSON.readTree(r.text().split("\n")[1]);
    assertThat(settings.get("kind").asText()).isEqualTo("settings");
    assertThat(settings.get("retentionDays").asInt()).isEqualTo(400);
    assertThat(settings.get("promptMasking").asBoolean()).isTrue();

    Tenant team = tenants.create(Plan.TEAM, null);
    JsonNode report = importOk(team, r.text());
    assertThat(report.get("settingsImported").asBoolean()).isTrue();
    assertThat(report.get("invalid").asInt()).isZero();
    OrgSettings restored = orgs.find(team.orgId()).orElseThrow().settings();
    assertThat(restored.retentionDays()).as("capped by Team's 90 days").isEqualTo(90);
    assertThat(restored.redactionRules()).containsExactly("re:sk-[a-z0-9]+", "secret-word");
    assertThat(restored.promptMasking()).isTrue();

    Tenant other = tenants.create(Plan.TEAM, null);
    String bad =
        "{\"kind\":\"settings\",\"retentionDays\":30,\"redactionRules\":[\"re:(\"],\"promptMasking\":false}\n";
    JsonNode refused = importOk(other, bad);
    assertThat(refused.get("settingsImported").asBoolean()).isFalse();
    assertThat(refused.get("errors").get(0).get("error").asText()).contains("redactionRules");
    assertThat(orgs.find(other.orgId()).orElseThrow().settings().redactionRules()).isEmpty();
  }
}
