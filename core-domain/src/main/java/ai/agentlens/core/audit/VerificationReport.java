package ai.agentlens.core.audit;

import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an audit verification (reference §4.3.12), signed.
 *
 * @param verified whether every verified chain is intact
 * @param verifiedAt when the verification ran
 * @param from range start (inclusive), or {@code null} in session mode
 * @param to range end (exclusive), or {@code null} in session mode
 * @param sessionId the session asked for, or {@code null} in range mode
 * @param sessionsVerified sessions whose whole chain was read
 * @param totalEvents events read over all of them
 * @param firstHash hash of the first event read (first session in id order), or {@code null}
 * @param lastHash hash of the last event read (last session in id order), or {@code null}
 * @param brokenChains one entry per session whose chain breaks, at its first bad event
 * @param signature {@code hmac-sha256:<hex>} over {@link #signedText()}, or {@code null} unsigned
 */
public record VerificationReport(
    boolean verified,
    Instant verifiedAt,
    Instant from,
    Instant to,
    String sessionId,
    long sessionsVerified,
    long totalEvents,
    String firstHash,
    String lastHash,
    List<BrokenChain> brokenChains,
    String signature) {

  /** Copies the list. */
  public VerificationReport {
    brokenChains = List.copyOf(brokenChains);
  }

  /**
   * A session whose chain breaks.
   *
   * @param sessionId the session
   * @param failedAtIndex 0-based index of the first bad event, counted from the session's first
   * @param failedEventId that event's id
   * @param reason why it fails
   */
  public record BrokenChain(
      String sessionId, long failedAtIndex, String failedEventId, String reason) {}

  /**
   * Returns a copy carrying a signature.
   *
   * @param signature the signature
   * @return the signed report
   */
  public VerificationReport withSignature(String signature) {
    return new VerificationReport(
        verified,
        verifiedAt,
        from,
        to,
        sessionId,
        sessionsVerified,
        totalEvents,
        firstHash,
        lastHash,
        brokenChains,
        signature);
  }

  /**
   * The bytes the signature covers: the RFC 8785 canonical JSON of {@link #tree()} without the
   * {@code signature} member. A client checks a report by removing {@code signature} from the JSON
   * it received, canonicalizing the rest (any RFC 8785 library) and computing the HMAC.
   *
   * @return the canonical text
   */
  public String signedText() {
    StringBuilder out = new StringBuilder(512);
    CanonicalJson.append(out, body());
    return out.toString();
  }

  /**
   * The report as a JSON tree, signature included; rendered canonically, the API's body.
   *
   * @return the tree
   */
  public JsonObject tree() {
    return body().with("signature", signature);
  }

  /**
   * The canonical JSON text of {@link #tree()}.
   *
   * @return the text
   */
  public String json() {
    StringBuilder out = new StringBuilder(512);
    CanonicalJson.append(out, tree());
    return out.toString();
  }

  private JsonObject body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verified", verified);
    // why: the brief names the outcome "valid"; SDKs (reference) read "verified"
    m.put("valid", verified);
    m.put("verifiedAt", time(verifiedAt));
    m.put("range", from == null ? null : JsonObject.of(Map.of("from", time(from), "to", time(to))));
    m.put("sessionId", sessionId);
    m.put("sessionsVerified", JsonNumber.of(sessionsVerified));
    m.put("totalEvents", JsonNumber.of(totalEvents));
    m.put("firstHash", firstHash);
    m.put("lastHash", lastHash);
    m.put("failedAtIndex", JsonNumber.of(brokenChains.isEmpty() ? -1 : first().failedAtIndex()));
    m.put(
        "brokenChains",
        JsonArray.of(brokenChains.stream().map(VerificationReport::broken).toList()));
    return JsonObject.of(m);
  }

  private BrokenChain first() {
    return brokenChains.get(0);
  }

  private static JsonObject broken(BrokenChain b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessionId", b.sessionId());
    m.put("failedAtIndex", JsonNumber.of(b.failedAtIndex()));
    m.put("failedEventId", b.failedEventId());
    m.put("reason", b.reason());
    return JsonObject.of(m);
  }

  private static String time(Instant t) {
    return HashChain.formatTimestamp(t);
  }
}
