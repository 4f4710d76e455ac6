package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.audit.AuditVerifier;
import ai.agentlens.core.audit.ReportSigner;
import ai.agentlens.core.audit.VerificationReport;
import ai.agentlens.core.audit.VerificationTimeout;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditVerifier} on a real event store: a payload changed directly in the database (as the
 * application role could) makes the report {@code verified:false} with the tampered event's index
 * and id, in session mode and in range mode, across the verifier's chunk boundary; the signature is
 * HMAC-SHA256 of the canonical report under the key; ranges find every session with an event inside
 * them and nothing of another org; a spent budget is a {@link VerificationTimeout}.
 */
public abstract class AuditVerificationContract extends StorageContract {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00.000001Z");

  private AuditVerifier verifier(Duration budget) {
    return new AuditVerifier(stores.events(), now::get, new ReportSigner(KEY), budget);
  }

  private String session(String org, int events, Instant start) {
    String session = id("sess");
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      batch.add(
          Event.unwritten(
              id("evt"),
              org,
              session,
              "agent-1",
              EventType.CUSTOM,
              Severity.INFO,
              start.plusSeconds(i),
              "{\"type\":\"t\",\"data\":{\"n\":" + i + "}}",
              "{}"));
      if (batch.size() == 1_000 || i == events - 1) {
        stores.events().append(batch(org, batch));
        batch = new ArrayList<>();
      }
    }
    return session;
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    return "hmac-sha256:"
        + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTamperedPayloadIsFoundByIndexAndTheReportIsSigned() throws Exception {
    String org = newOrg().id();
    String session = session(org, AuditVerifier.CHUNK + 20, T0);
    VerificationReport before =
        verifier(Duration.ofMinutes(5)).session(org, session, e -> {}).get();
    assertThat(before.verified()).isTrue();
    assertThat(before.totalEvents()).isEqualTo(AuditVerifier.CHUNK + 20);
    assertThat(before.brokenChains()).isEmpty();
    assertThat(before.signature()).isEqualTo(hmac(before.signedText()));
    assertThat(before.json()).contains("\"valid\":true", "\"failedAtIndex\":-1");

    String tamperedId = tamper(org, session, AuditVerifier.CHUNK + 8);

    VerificationReport after = verifier(Duration.ofMinutes(5)).session(org, session, e -> {}).get();
    assertThat(after.verified()).isFalse();
    assertThat(after.brokenChains()).hasSize(1);
    VerificationReport.BrokenChain b = after.brokenChains().get(0);
    assertThat(b.sessionId()).isEqualTo(session);
    assertThat(b.failedAtIndex()).isEqualTo(AuditVerifier.CHUNK + 7);
    assertThat(b.failedEventId()).isEqualTo(tamperedId);
    assertThat(b.reason()).isEqualTo("hash does not match the event's contents");
    assertThat(after.json())
        .contains("\"valid\":false", "\"failedAtIndex\":" + (AuditVerifier.CHUNK + 7));
    assertThat(after.signature()).isEqualTo(hmac(after.signedText()));
    assertThat(new ReportSigner(KEY).verify(after)).isTrue();
    assertThat(new ReportSigner(new byte[32]).verify(after)).isFalse();
    assertThat(new ReportSigner(KEY).verify(after.withSignature(before.signature()))).isFalse();
  }

  @Test
  void aRangeVerifiesEverySessionWithAnEventInsideItWhollyAndNothingOfAnotherOrg()
      throws SQLException {
    String org = newOrg().id();
    String early = session(org, 3, T0.minus(Duration.ofDays(2)));
    String straddling = session(org, 5, T0.minusSeconds(2));
    String inside = session(org, 4, T0.plus(Duration.ofHours(1)));
    session(org, 2, T0.plus(Duration.ofDays(3)));
    String other = newOrg().id();
    session(other, 7, T0.plus(Duration.ofHours(2)));
    Instant from = T0;
    Instant to = T0.plus(Duration.ofDays(1));
    List<String> sink = new ArrayList<>();
    VerificationReport r =
        verifier(Duration.ofMinutes(5)).range(org, from, to, e -> sink.add(e.id()));
    assertThat(r.verified()).isTrue();
    assertThat(r.sessionsVerified()).isEqualTo(2);
    assertThat(r.totalEvents()).isEqualTo(9);
    assertThat(sink).hasSize(9);
    assertThat(r.from()).isEqualTo(from);

    tamper(org, straddling, 1);
    VerificationReport broken = verifier(Duration.ofMinutes(5)).range(org, from, to, e -> {});
    assertThat(broken.verified()).isFalse();
    assertThat(broken.brokenChains())
        .extracting(VerificationReport.BrokenChain::sessionId)
        .containsExactly(straddling);
    assertThat(broken.brokenChains().get(0).failedAtIndex()).isZero();
    assertThat(verifier(Duration.ofMinutes(5)).session(other, inside, e -> {})).isEmpty();
    assertThat(verifier(Duration.ofMinutes(5)).session(org, early, e -> {}).get().verified())
        .isTrue();
    VerificationReport none =
        verifier(Duration.ofMinutes(5)).range(newOrg().id(), from, to, e -> {});
    assertThat(none.sessionsVerified()).isZero();
    assertThat(none.verified()).isTrue();
  }

  @Test
  void aSpentBudgetStopsTheVerification() {
    String org = newOrg().id();
    String session = session(org, 3, T0);
    assertThatThrownBy(() -> verifier(Duration.ZERO).session(org, session, e -> {}))
        .isInstanceOf(VerificationTimeout.class)
        .hasMessageContaining("time budget");
  }

  @Test
  void rangesLongerThanAYearOrEmptyAreRefused() {
    assertThat(AuditVerifier.validRange(T0, T0.plus(Duration.ofDays(365)))).isTrue();
    assertThat(AuditVerifier.validRange(T0, T0.plus(Duration.ofDays(367)))).isFalse();
    assertThat(AuditVerifier.validRange(T0, T0)).isFalse();
    assertThatThrownBy(
            () -> verifier(Duration.ofMinutes(1)).range("org_x", T0, T0.minusSeconds(1), e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Changes one stored event's payload behind the application's back; returns the event's id. */
  private String tamper(String org, String session, long sequence) throws SQLException {
    try (Connection c = opened.raw().connect()) {
      // why: PostgreSQL stores payloads as jsonb, SQLite as text
      boolean pg = c.getMetaData().getURL().startsWith("jdbc:postgresql");
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      String id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id from events where org_id = ? and session_id = ? and sequence = ?")) {
        ps.setString(1, org);
        ps.setString(2, session);
        ps.setLong(3, sequence);
        try (var rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          id = rs.getString(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update events set payload = "
                  + (pg ? "cast(? as jsonb)" : "?")
                  + " where org_id = ? and session_id = ? and sequence = ?")) {
        ps.setString(1, "{\"type\":\"t\",\"data\":{\"n\":-1}}");
        ps.setString(2, org);
        ps.setString(3, session);
        ps.setLong(4, sequence);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      c.commit();
      return id;
    }
  }
}
