package ai.agentlens.web.read;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.read.ReportedSession;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The reference's JSON shapes of events, sessions and agents (§1.1, §1.9), written with Jackson's
 * streaming generator. Stored payload and metadata texts are spliced in as they are: no parse, no
 * re-serialization, so the bytes the hash covered are the bytes returned.
 */
public final class JsonViews {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private JsonViews() {}

  /** Writes JSON into a string. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the document.
     *
     * @param gen the generator
     * @throws IOException never for a string target
     */
    void write(JsonGenerator gen) throws IOException;
  }

  /**
   * Renders a document.
   *
   * @param body what to write
   * @return the JSON text
   */
  public static String render(Body body) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      body.write(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Formats a timestamp as the SDKs expect: UTC, {@code Z}, milliseconds (microseconds when the
   * value has them).
   *
   * @param t the instant
   * @return e.g. {@code 2025-01-01T00:00:00.000Z}
   */
  public static String time(Instant t) {
    return t.getNano() % 1_000_000 == 0 ? MILLIS.format(t) : MICROS.format(t);
  }

  /** Writes one event object. */
  public static void event(JsonGenerator g, Event e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("timestamp", time(e.timestamp()));
    g.writeStringField("sessionId", e.sessionId());
    g.writeStringField("agentId", e.agentId());
    g.writeStringField("eventType", e.eventType().wireName());
    g.writeStringField("severity", e.severity().wireName());
    g.writeFieldName("payload");
    g.writeRawValue(e.payload().text());
    g.writeFieldName("metadata");
    g.writeRawValue(e.metadata().text());
    g.writeNumberField("sequence", e.sequence());
    g.writeStringField("prevHash", e.prevHash());
    g.writeStringField("hash", e.hash());
    g.writeStringField("tenantId", e.orgId());
    g.writeEndObject();
  }

  /** Writes an array of events. */
  public static void events(JsonGenerator g, List<Event> events) throws IOException {
    g.writeStartArray();
    for (Event e : events) {
      event(g, e);
    }
    g.writeEndArray();
  }

  /**
   * Writes one session object as API-key callers (the SDKs) see it. An idle session is written with
   * {@code "status":"active"} and {@code "idle":true}: the Python SDK's status enum has no {@code
   * idle} and rejects the whole listing otherwise (reference §3.6); {@code idle} is {@code false}
   * on every other session, and {@code lastEventAt} tells how quiet it is.
   */
  public static void session(JsonGenerator g, ReportedSession reported) throws IOException {
    Session s = reported.session();
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("agentId", s.agentId());
    if (s.agentName() != null) {
      g.writeStringField("agentName", s.agentName());
    }
    g.writeStringField("startedAt", time(s.startedAt()));
    if (s.endedAt() != null) {
      g.writeStringField("endedAt", time(s.endedAt()));
    }
    g.writeStringField("lastEventAt", time(s.lastEventAt()));
    boolean idle = reported.status() == SessionStatus.IDLE;
    SessionStatus status = idle ? SessionStatus.ACTIVE : reported.status();
    g.writeStringField("status", status.name().toLowerCase(Locale.ROOT));
    g.writeBooleanField("idle", idle);
    g.writeNumberField("eventCount", s.eventCount());
    g.writeNumberField("toolCallCount", s.toolCallCount());
    g.writeNumberField("errorCount", s.errorCount());
    g.writeNumberField("totalCostUsd", s.totalCostUsd());
    g.writeNumberField("llmCallCount", s.llmCallCount());
    g.writeNumberField("totalInputTokens", s.totalInputTokens());
    g.writeNumberField("totalOutputTokens", s.totalOutputTokens());
    g.writeArrayFieldStart("tags");
    for (String tag : s.tags()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeStringField("tenantId", s.orgId());
    g.writeEndObject();
  }

  /** Writes one agent object. */
  public static void agent(JsonGenerator g, Agent a) throws IOException {
    agent(g, a, ai.agentlens.core.guardrail.model.AgentControl.NONE);
  }

  /** Writes one agent object with what guardrails set on it (reference §1.9 agent JSON). */
  public static void agent(
      JsonGenerator g, Agent a, ai.agentlens.core.guardrail.model.AgentControl control)
      throws IOException {
    agent(g, a, control, ai.agentlens.core.remediation.model.AgentSettings.NONE);
  }

  /**
   * Writes one agent object with what guardrails set on it and its effective settings: {@code
   * modelOverride} is a guardrail's override, else the settings' preferred model; {@code
   * systemPrompt}, {@code riskThreshold}, {@code disabledTools} and {@code disabledRoutes} appear
   * when set.
   */
  public static void agent(
      JsonGenerator g,
      Agent a,
      ai.agentlens.core.guardrail.model.AgentControl control,
      ai.agentlens.core.remediation.model.AgentSettings settings)
      throws IOException {
    g.writeStartObject();
    String model =
        control.modelOverride() != null ? control.modelOverride() : settings.preferredModel();
    if (model != null) {
      g.writeStringField("modelOverride", model);
    }
    AgentSettingsJson.write(g, settings);
    if (control.pausedAt() != null) {
      g.writeStringField("pausedAt", time(control.pausedAt()));
    }
    if (control.pauseReason() != null) {
      g.writeStringField("pauseReason", control.pauseReason());
    }
    if (control.rateLimitPerMinute() != null && control.rateLimitedUntil() != null) {
      g.writeObjectFieldStart("rateLimit");
      g.writeNumberField("requestsPerMinute", control.rateLimitPerMinute());
      g.writeStringField("until", time(control.rateLimitedUntil()));
      g.writeEndObject();
    }
    if (control.agentgatePolicy() != null) {
      g.writeStringField("agentgatePolicy", control.agentgatePolicy());
    }
    g.writeStringField("id", a.id());
    g.writeStringField("name", a.name());
    g.writeStringField("firstSeenAt", time(a.firstSeenAt()));
    g.writeStringField("lastSeenAt", time(a.lastSeenAt()));
    g.writeNumberField("sessionCount", a.sessionCount());
    g.writeStringField("tenantId", a.orgId());
    g.writeEndObject();
  }
}
