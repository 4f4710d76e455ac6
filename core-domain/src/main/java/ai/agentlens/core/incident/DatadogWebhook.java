package ai.agentlens.core.incident;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.incident.WebhookSecretStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Datadog monitor webhook (docs/incidents.md). A request names its org ({@code
 * X-AgentLens-Org}), carries {@code X-AgentLens-Timestamp} (Unix seconds) and {@code
 * X-AgentLens-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the org's secret>};
 * it is accepted only when the org has a secret, the signature matches (constant-time compare), the
 * timestamp is within {@link #WINDOW} of now and the signature was not used before. Then the
 * monitor's {@code alert_transition} decides: {@code Triggered}, {@code Re-Triggered} and {@code
 * Warn} open or update the incident of the monitor ({@code alert_id}), {@code Recovered} resolves
 * it (by {@code datadog}); other transitions are accepted and ignored.
 */
public final class DatadogWebhook {

  /** How far the timestamp may be from now, either way; signatures are remembered this long. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** The largest body accepted. */
  public static final int MAX_BODY = 64 * 1024;

  /** The outcome of a delivery. */
  public enum Outcome {
    /** Opened or updated an incident. */
    OPENED,
    /** Resolved an incident. */
    RESOLVED,
    /** Accepted, nothing to do (unknown transition, or a recovery with nothing open). */
    IGNORED,
    /** Unknown org, no secret, or a bad signature. */
    UNAUTHORIZED,
    /** The timestamp is missing or outside the window. */
    STALE,
    /** The signature was used before. */
    REPLAYED
  }

  private final WebhookSecretStore secrets;
  private final IncidentStore store;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the use case.
   *
   * @param secrets the orgs' secrets and seen signatures
   * @param store the incidents
   * @param clock the time
   * @param ids new incident ids
   */
  public DatadogWebhook(
      WebhookSecretStore secrets, IncidentStore store, Clock clock, Supplier<String> ids) {
    this.secrets = secrets;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Creates (or replaces) an org's secret; it is returned once and cannot be read back by the API.
   *
   * @param orgId the org
   * @return the new secret
   */
  public String newSecret(String orgId) {
    String secret = "whsec_" + Secrets.token();
    secrets.put(orgId, secret, clock.now());
    return secret;
  }

  /**
   * Handles one delivery.
   *
   * @param orgId the {@code X-AgentLens-Org} header, possibly {@code null}
   * @param timestamp the {@code X-AgentLens-Timestamp} header, possibly {@code null}
   * @param signature the {@code X-AgentLens-Signature} header, possibly {@code null}
   * @param body the raw body
   * @return what happened
   * @throws InvalidInputException when an authentic body is not the expected JSON object
   */
  public Outcome receive(String orgId, String timestamp, String signature, byte[] body) {
    Optional<String> secret =
        orgId == null || orgId.isBlank() ? Optional.empty() : secrets.secret(orgId);
    if (secret.isEmpty() || signature == null || timestamp == null) {
      return Outcome.UNAUTHORIZED;
    }
    byte[] expected =
        ("sha256=" + hmac(secret.get(), timestamp, body)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
      return Outcome.UNAUTHORIZED;
    }
    Instant now = clock.now();
    Instant at;
    try {
      at = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Outcome.STALE;
    }
    if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
      return Outcome.STALE;
    }
    if (!secrets.firstUse(orgId, signature.trim(), now, now.minus(WINDOW.multipliedBy(2)))) {
      return Outcome.REPLAYED;
    }
    return act(orgId, Json.object("body", new String(body, StandardCharsets.UTF_8), MAX_BODY), now);
  }

  private Outcome act(String orgId, JsonObject b, Instant now) {
    String alertId = text(b, "alert_id");
    String transition = text(b, "alert_transition");
    if (alertId == null || transition == null) {
      throw new InvalidInputException("body: alert_id and alert_transition are required");
    }
    String agent = text(b, "agent_id");
    String key = IncidentTrigger.key(TriggerType.DATADOG, alertId, agent);
    switch (transition.toLowerCase(Locale.ROOT)) {
      case "recovered" -> {
        return store.resolveOpen(orgId, key, "datadog", now).isPresent()
            ? Outcome.RESOLVED
            : Outcome.IGNORED;
      }
      case "triggered", "re-triggered", "warn" -> {
        String title = text(b, "title");
        store.record(
            ids.get(),
            new IncidentTrigger(
                orgId,
                agent,
                null,
                TriggerType.DATADOG,
                key,
                "Datadog: " + (title == null ? "monitor " + alertId : title),
                severity(text(b, "priority"), transition),
                now,
                alertId,
                b.toString()));
        return Outcome.OPENED;
      }
      default -> {
        return Outcome.IGNORED;
      }
    }
  }

  /**
   * Signs a delivery as Datadog's relay must.
   *
   * @param secret the org's secret
   * @param timestamp the timestamp header value
   * @param body the raw body
   * @return the lowercase hex HMAC-SHA256 of {@code timestamp + "." + body}
   */
  public static String hmac(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }

  // why: Datadog priorities are P1 (highest) to P5; without one, Warn is medium and alerts high
  private static IncidentSeverity severity(String priority, String transition) {
    if (priority != null) {
      switch (priority.trim().toUpperCase(Locale.ROOT)) {
        case "P1":
          return IncidentSeverity.CRITICAL;
        case "P2":
          return IncidentSeverity.HIGH;
        case "P3":
          return IncidentSeverity.MEDIUM;
        case "P4", "P5":
          return IncidentSeverity.LOW;
        default:
          break;
      }
    }
    return "warn".equalsIgnoreCase(transition) ? IncidentSeverity.MEDIUM : IncidentSeverity.HIGH;
  }

  private static String text(JsonObject o, String name) {
    Object v = o.get(name);
    return v instanceof String s && !s.isBlank() ? s : null;
  }
}
