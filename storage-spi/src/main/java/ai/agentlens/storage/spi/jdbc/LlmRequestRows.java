package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.risk.RiskReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a row of {@code llm_requests} (selected as {@link #COLUMNS}) and codes risk reasons. */
final class LlmRequestRows {

  /** The columns an {@link LlmRequest} is read from, on alias {@code r}. */
  static final String COLUMNS =
      "r.org_id, r.id, r.call_id, r.agent_id, r.session_id, r.provider, r.model, r.prompt,"
          + " r.response, r.status, r.finish_reason, r.latency_ms, r.input_tokens,"
          + " r.output_tokens, r.risk_score, r.risk_version, r.risk_reasons, r.source,"
          + " r.started_at, r.completed_at";

  private final Dialect dialect;

  LlmRequestRows(Dialect dialect) {
    this.dialect = dialect;
  }

  LlmRequest read(ResultSet rs) throws SQLException {
    long latency = rs.getLong("latency_ms");
    Long latencyMs = rs.wasNull() ? null : latency;
    return new LlmRequest(
        rs.getString("org_id"),
        rs.getString("id"),
        rs.getString("call_id"),
        rs.getString("agent_id"),
        rs.getString("session_id"),
        rs.getString("provider"),
        rs.getString("model"),
        rs.getString("prompt"),
        rs.getString("response"),
        LlmRequestStatus.parse(rs.getString("status")).orElse(LlmRequestStatus.PENDING),
        rs.getString("finish_reason"),
        latencyMs,
        integer(rs, "input_tokens"),
        integer(rs, "output_tokens"),
        integer(rs, "risk_score"),
        rs.getString("risk_version"),
        reasons(rs.getString("risk_reasons")),
        rs.getString("source"),
        dialect.getInstant(rs, "started_at"),
        dialect.getInstant(rs, "completed_at"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static String reasons(List<RiskReason> reasons) {
    return JsonWriter.write(RiskReason.toJson(reasons));
  }

  private static List<RiskReason> reasons(String text) {
    List<RiskReason> out = new ArrayList<>();
    if (text != null && JsonReader.read(text) instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof JsonObject r && r.get("weight") instanceof JsonNumber w) {
          out.add(new RiskReason(r.string("code"), w.doubleValue(), r.string("detail")));
        }
      }
    }
    return out;
  }
}
