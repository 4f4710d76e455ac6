package ai.agentlens.core.transfer;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the lines of one export (docs/export-import.md): each line one JSON object with a {@code
 * kind}, UTF-8, ending in {@code \n}; every line is also fed to a SHA-256 digest and counted, so
 * {@link #finish()} can write the checksum line over all the preceding bytes.
 */
final class ExportWriter {

  private final OutputStream out;
  private final MessageDigest digest;
  private final Map<String, Long> counts = new LinkedHashMap<>();

  ExportWriter(OutputStream out) {
    this.out = out;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    counts.put("agent", 0L);
    counts.put("session", 0L);
    counts.put("event", 0L);
  }

  void header(String orgId, Instant exportedAt, Instant from, Instant to) throws IOException {
    StringBuilder b = start("header");
    b.append(",\"formatVersion\":").append(OrgExport.FORMAT_VERSION);
    field(b, "source", OrgExport.SOURCE);
    field(b, "org", orgId);
    field(b, "exportedAt", HashChain.formatTimestamp(exportedAt));
    b.append(",\"hashVersion\":").append(HashChain.VERSION);
    field(b, "from", from == null ? null : HashChain.formatTimestamp(from));
    field(b, "to", to == null ? null : HashChain.formatTimestamp(to));
    line(b, null);
  }

  void settings(OrgSettings s) throws IOException {
    StringBuilder b = start("settings");
    b.append(",\"retentionDays\":").append(s.retentionDays());
    b.append(",\"redactionRules\":").append(Json.stringArray(s.redactionRules()));
    b.append(",\"promptMasking\":").append(s.promptMasking());
    line(b, null);
  }

  void agent(Agent a) throws IOException {
    StringBuilder b = start("agent");
    field(b, "id", a.id());
    field(b, "name", a.name());
    field(b, "firstSeenAt", HashChain.formatTimestamp(a.firstSeenAt()));
    field(b, "lastSeenAt", HashChain.formatTimestamp(a.lastSeenAt()));
    b.append(",\"sessionCount\":").append(a.sessionCount());
    line(b, "agent");
  }

  void session(Session s) throws IOException {
    StringBuilder b = start("session");
    field(b, "id", s.id());
    field(b, "agentId", s.agentId());
    field(b, "agentName", s.agentName());
    field(b, "startedAt", HashChain.formatTimestamp(s.startedAt()));
    field(b, "endedAt", s.endedAt() == null ? null : HashChain.formatTimestamp(s.endedAt()));
    field(b, "status", s.status().name().toLowerCase(java.util.Locale.ROOT));
    b.append(",\"eventCount\":").append(s.eventCount());
    b.append(",\"tags\":").append(Json.stringArray(s.tags()));
    line(b, "session");
  }

  void event(Event e) throws IOException {
    StringBuilder b = start("event");
    field(b, "id", e.id());
    field(b, "sessionId", e.sessionId());
    field(b, "agentId", e.agentId());
    field(b, "eventType", e.eventType().wireName());
    field(b, "severity", e.severity().wireName());
    field(b, "timestamp", HashChain.formatTimestamp(e.timestamp()));
    b.append(",\"sequence\":").append(e.sequence());
    field(b, "prevHash", e.prevHash());
    field(b, "hash", e.hash());
    b.append(",\"hashVersion\":").append(e.hashVersion());
    if (e.hashSource() != null) {
      field(b, "hashSource", e.hashSource());
    }
    b.append(",\"payload\":");
    CanonicalJson.append(b, e.payload().tree());
    b.append(",\"metadata\":");
    CanonicalJson.append(b, e.metadata().tree());
    line(b, "event");
  }

  /**
   * Writes one configuration line: the kind, then the fields in canonical order.
   *
   * @param kind the line kind, counted in the checksum line
   * @param fields the record's fields
   */
  void config(String kind, JsonObject fields) throws IOException {
    StringBuilder b = start(kind);
    if (!fields.isEmpty()) {
      StringBuilder body = new StringBuilder(256);
      CanonicalJson.append(body, fields);
      b.append(',').append(body, 1, body.length() - 1);
    }
    line(b, kind);
  }

  /** Writes the checksum line and flushes; nothing may be written after it. */
  void finish() throws IOException {
    String sha = HexFormat.of().formatHex(digest.digest());
    StringBuilder b = start("checksum");
    field(b, "algorithm", "sha256");
    field(b, "sha256", sha);
    b.append(",\"counts\":{");
    boolean first = true;
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      b.append(first ? "" : ",").append('"').append(c.getKey()).append("\":").append(c.getValue());
      first = false;
    }
    b.append("}}\n");
    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  long count(String kind) {
    return counts.getOrDefault(kind, 0L);
  }

  private static StringBuilder start(String kind) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"kind\":\"").append(kind).append('"');
    return b;
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    CanonicalJson.appendString(b, value);
  }

  private void line(StringBuilder b, String kind) throws IOException {
    b.append("}\n");
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    out.write(bytes);
    if (kind != null) {
      counts.merge(kind, 1L, Long::sum);
    }
  }
}
