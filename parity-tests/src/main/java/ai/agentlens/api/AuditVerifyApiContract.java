package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.toolCall;
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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/audit/verify} and {@code /api/audit/verify/export} on both launchers: the signed
 * report by session and by range (its signature checked with the configured key over the RFC 8785
 * form of the report without {@code signature}, computed here with an independent canonicalizer),
 * 400 for missing, malformed or over-a-year ranges, 401 without credentials, 403 for a Viewer's
 * session and 200 for an Admin's, 404 and an empty range for another org, the download, and 504
 * when the time budget is spent. (Tampering directly in the database is proven on both databases by
 * the storage kit's {@code AuditVerificationContract}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuditVerifyApiContract {

  private static final String KEY = "audit-signing-key-for-tests-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Api api;
  private Tenant org;
  private Tenant other;
  private String session;

  @BeforeAll
  void load() throws Exception {
    stack = start(Map.of("agentlens.audit.signing-key", KEY));
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.TEAM, null);
    other = tenants.create(Plan.TEAM, null);
    session = SdkRequests.session();
    Api.Reply r =
        api.post(
            "/api/events",
            org.key(),
            batch(toolCall(session, null), toolCall(session, null), toolCall(session, null)));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/sessions/" + session,
        org.key(),
        x -> x.status() == 200 && x.json().get("eventCount").asInt() == 3,
        Duration.ofSeconds(10));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "hmac-sha256:"
        + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertSigned(JsonNode report) throws Exception {
    ObjectNode unsigned = report.deepCopy();
    String signature = unsigned.remove("signature").asText();
    String canonical = new JsonCanonicalizer(JSON.writeValueAsString(unsigned)).getEncodedString();
    assertThat(signature).isEqualTo(hmac(canonical));
  }

  @Test
  void aSessionVerifiesAndTheReportIsSignedWithTheServerKey() throws Exception {
    Api.Reply r = api.get("/api/audit/verify?sessionId=" + session, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("failedAtIndex").asInt()).isEqualTo(-1);
    assertThat(report.get("sessionId").asText()).isEqualTo(session);
    assertThat(report.get("sessionsVerified").asInt()).isEqualTo(1);
    assertThat(report.get("totalEvents").asInt()).isEqualTo(3);
    assertThat(report.get("firstHash").asText()).hasSize(64);
    assertThat(report.get("brokenChains")).isEmpty();
    assertThat(report.get("range").isNull()).isTrue();
    assertSigned(report);
    ObjectNode forged = report.deepCopy();
    forged.put("totalEvents", 2);
    forged.remove("signature");
    assertThat(hmac(new JsonCanonicalizer(JSON.writeValueAsString(forged)).getEncodedString()))
        .isNotEqualTo(report.get("signature").asText());
  }

  @Test
  void aRangeVerifiesEverySessionWithAnEventInIt() throws Exception {
    String range = "from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z";
    Api.Reply r = api.get("/api/audit/verify?" + range, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.json().get("sessionsVerified").asInt()).isEqualTo(1);
    assertThat(r.json().get("totalEvents").asInt()).isEqualTo(3);
    assertThat(r.json().get("range").get("from").asText()).startsWith("2026-11-22T00:00:00");
    assertSigned(r.json());
    Api.Reply empty =
        api.get("/api/audit/verify?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z", org.key());
    assertThat(empty.json().get("sessionsVerified").asInt()).isZero();
    assertThat(empty.json().get("verified").asBoolean()).isTrue();
  }

  @Test
  void badQueriesAre400WithDetails() {
    for (String q :
        List.of(
            "",
            "?from=2026-01-01T00:00:00Z",
            "?from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z",
            "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "?from=yesterday&to=2026-01-01T00:00:00Z")) {
      Api.Reply r = api.get("/api/audit/verify" + q, org.key());
      assertThat(r.status()).as(q + " " + r.raw()).isEqualTo(400);
      assertThat(r.json().get("details")).as(q).isNotEmpty();
    }
  }

  @Test
  void anotherOrgSeesNothingAndNoCredentialsIs401() {
    Api.Reply theirs = api.get("/api/audit/verify?sessionId=" + session, other.key());
    assertThat(theirs.status()).as(theirs.raw()).isEqualTo(404);
    assertThat(theirs.raw()).doesNotContain(session);
    Api.Reply export = api.get("/api/audit/verify/export?sessionId=" + session, other.key());
    assertThat(export.status()).isEqualTo(404);
    Api.Reply range =
        api.get("/api/audit/verify?from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z", other.key());
    assertThat(range.json().get("sessionsVerified").asInt()).isZero();
    assertThat(range.json().get("totalEvents").asInt()).isZero();
    Api.Reply none = api.get("/api/audit/verify?sessionId=" + session, null);
    assertThat(none.status()).isEqualTo(401);
  }

  @Test
  void aViewersSessionIs403AndAnAdminsIs200() {
    String viewer = member(Role.VIEWER);
    Api.Reply denied =
        SessionGet.get(stack.url(), "/api/audit/verify?sessionId=" + session, viewer);
    assertThat(denied.status()).as(denied.raw()).isEqualTo(403);
    assertThat(denied.json().get("error").asText()).isNotBlank();
    String member = member(Role.MEMBER);
    assertThat(
            SessionGet.get(stack.url(), "/api/audit/verify/export?sessionId=" + session, member)
                .status())
        .isEqualTo(403);
    String admin = member(Role.ADMIN);
    Api.Reply ok = SessionGet.get(stack.url(), "/api/audit/verify?sessionId=" + session, admin);
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(ok.json().get("totalEvents").asInt()).isEqualTo(3);
  }

  @Test
  void theExportIsADownloadOfTheReportAndEveryVerifiedEvent() throws Exception {
    Api.Reply r = api.get("/api/audit/verify/export?sessionId=" + session, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.header("Content-Disposition")).startsWith("attachment;");
    JsonNode body = r.json();
    assertThat(body.get("events")).hasSize(3);
    assertThat(body.get("events").get(0).get("sessionId").asText()).isEqualTo(session);
    assertThat(body.get("events").get(2).get("hash").asText())
        .isEqualTo(body.get("report").get("lastHash").asText());
    assertSigned(body.get("report"));
  }

  @Test
  void aSpentTimeBudgetIs504() throws InterruptedException {
    try (TestStack tight = start(Map.of("agentlens.audit.verify-budget", "0ms"))) {
      Tenant t = new Tenants(tight).create(Plan.TEAM, null);
      Api a = new Api(tight.url());
      String s = SdkRequests.session();
      assertThat(a.post("/api/events", t.key(), batch(toolCall(s, null))).status()).isEqualTo(202);
      a.await("/api/sessions/" + s, t.key(), x -> x.status() == 200, Duration.ofSeconds(10));
      Api.Reply r = a.get("/api/audit/verify?sessionId=" + s, t.key());
      assertThat(r.status()).as(r.raw()).isEqualTo(504);
      assertThat(r.json().get("status").asInt()).isEqualTo(504);
      assertThat(r.json().get("error").asText()).contains("time budget");
    }
  }

  private String member(Role role) {
    var now = stack.bean(Clock.class).now();
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    stack
        .bean(UserStore.class)
        .create(new User(id, id + "@example.com", "U", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(org.orgId(), id, role, now));
    return stack.bean(LoginSessions.class).start(id).cookieValue();
  }
}
