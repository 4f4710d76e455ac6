package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerRecord;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.incident.IncidentStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link IncidentStore} in portable SQL (tables {@code incidents} and {@code incident_triggers}).
 * De-duplication rests on the partial unique index {@code incidents_open_key}: a new incident is an
 * {@code insert … on conflict do nothing}, and when it conflicts the open row is locked and
 * updated.
 */
public class JdbcIncidentStore implements IncidentStore {

  private static final String COLUMNS =
      "org_id, id, agent_id, rule_id, dedupe_key, title, severity, trigger_type, status,"
          + " opened_at, last_seen_at, trigger_count, resolved_at, resolved_by, details,"
          + " related_ids";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcIncidentStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public Incident record(String newId, IncidentTrigger t) {
    String org = Tenancy.require(t.orgId());
    return tx.write(
        Scope.org(org),
        c -> {
          for (int attempt = 0; ; attempt++) {
            int inserted =
                sql.update(
                    c,
                    "insert into incidents ("
                        + COLUMNS
                        + ") values (?,?,?,?,?,?,?,?,'open',?,?,1,?,?,?,?)"
                        + " on conflict (org_id, dedupe_key) where status = 'open' do nothing",
                    org,
                    newId,
                    t.agentId(),
                    t.ruleId(),
                    t.dedupeKey(),
                    t.title(),
                    t.severity().wireName(),
                    t.type().wireName(),
                    t.at(),
                    t.at(),
                    Sql.Null.INSTANT,
                    Sql.Null.TEXT,
                    t.details(),
                    Json.stringArray(related(List.of(), t.relatedId())));
            if (inserted == 1) {
              appendTrigger(c, org, newId, 1, t);
              return byId(c, org, newId).orElseThrow();
            }
            Optional<Incident> open =
                sql.one(
                    c,
                    "select "
                        + COLUMNS
                        + " from incidents where org_id = ? and dedupe_key = ? and status = 'open'"
                        + sql.dialect().forUpdate(),
                    this::row,
                    org,
                    t.dedupeKey());
            if (open.isPresent()) {
              return bump(c, open.get(), t);
            }
            if (attempt > 2) {
              throw new IllegalStateException("incident key kept changing: " + t.dedupeKey());
            }
          }
        });
  }

  private Incident bump(Connection c, Incident i, IncidentTrigger t) throws SQLException {
    long count = i.triggerCount() + 1;
    Instant last = t.at().isAfter(i.lastSeenAt()) ? t.at() : i.lastSeenAt();
    sql.update(
        c,
        "update incidents set trigger_count = ?, last_seen_at = ?, details = ?, related_ids = ?"
            + " where org_id = ? and id = ?",
        count,
        last,
        t.details(),
        Json.stringArray(related(i.relatedIds(), t.relatedId())),
        i.orgId(),
        i.id());
    appendTrigger(c, i.orgId(), i.id(), count, t);
    return byId(c, i.orgId(), i.id()).orElseThrow();
  }

  private static List<String> related(List<String> kept, String add) {
    List<String> out = new ArrayList<>(kept);
    if (add != null && out.size() < Incident.MAX_RELATED && !out.contains(add)) {
      out.add(add);
    }
    return out;
  }

  private void appendTrigger(Connection c, String org, String id, long seq, IncidentTrigger t)
      throws SQLException {
    if (seq > Incident.MAX_RELATED) {
      return;
    }
    sql.update(
        c,
        "insert into incident_triggers (org_id, incident_id, seq, at, related_id, details)"
            + " values (?,?,?,?,?,?)",
        org,
        id,
        seq,
        t.at(),
        t.relatedId(),
        t.details());
  }

  @Override
  public Optional<Incident> find(String orgId, String id) {
    return tx.readOrg(orgId, Optional.empty(), c -> byId(c, orgId, id));
  }

  private Optional<Incident> byId(Connection c, String orgId, String id) throws SQLException {
    return sql.one(
        c,
        "select " + COLUMNS + " from incidents where org_id = ? and id = ?",
        this::row,
        orgId,
        id);
  }

  @Override
  public List<TriggerRecord> timeline(String orgId, String id) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select at, related_id, details from incident_triggers"
                    + " where org_id = ? and incident_id = ? order by seq",
                rs ->
                    new TriggerRecord(
                        sql.dialect().getInstant(rs, "at"),
                        rs.getString("related_id"),
                        rs.getString("details")),
                orgId,
                id));
  }

  @Override
  public List<Incident> list(IncidentQuery q) {
    StringBuilder where = new StringBuilder(" where org_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(q.orgId());
    if (q.open() != null) {
      where.append(" and status = ?");
      args.add(q.open() ? "open" : "resolved");
    }
    if (q.severity() != null) {
      where.append(" and severity = ?");
      args.add(q.severity().wireName());
    }
    if (q.agentId() != null) {
      where.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    if (q.from() != null) {
      where.append(" and opened_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and opened_at < ?");
      args.add(q.to());
    }
    if (q.cursor() != null) {
      where.append(" and id < ?");
      args.add(q.cursor());
    }
    args.add(q.limit());
    return tx.readOrg(
        q.orgId(),
        List.of(),
        c ->
            sql.list(
                c,
                "select " + COLUMNS + " from incidents" + where + " order by id desc limit ?",
                this::row,
                args.toArray()));
  }

  @Override
  public Optional<Incident> resolve(String orgId, String id, String by, Instant at) {
    if (Tenancy.none(orgId)) {
      return Optional.empty();
    }
    return tx.write(
        Scope.org(orgId),
        c -> {
          sql.update(
              c,
              "update incidents set status = 'resolved', resolved_at = ?, resolved_by = ?"
                  + " where org_id = ? and id = ? and status = 'open'",
              at,
              by,
              orgId,
              id);
          return byId(c, orgId, id);
        });
  }

  @Override
  public Optional<Incident> resolveOpen(String orgId, String dedupeKey, String by, Instant at) {
    if (Tenancy.none(orgId)) {
      return Optional.empty();
    }
    return tx.write(
        Scope.org(orgId),
        c -> {
          Optional<String> id =
              sql.one(
                  c,
                  "select id from incidents where org_id = ? and dedupe_key = ?"
                      + " and status = 'open'",
                  rs -> rs.getString(1),
                  orgId,
                  dedupeKey);
          if (id.isEmpty()) {
            return Optional.empty();
          }
          sql.update(
              c,
              "update incidents set status = 'resolved', resolved_at = ?, resolved_by = ?"
                  + " where org_id = ? and id = ? and status = 'open'",
              at,
              by,
              orgId,
              id.get());
          return byId(c, orgId, id.get());
        });
  }

  private Incident row(ResultSet rs) throws SQLException {
    String severity = rs.getString("severity");
    String type = rs.getString("trigger_type");
    return new Incident(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("agent_id"),
        rs.getString("rule_id"),
        rs.getString("dedupe_key"),
        rs.getString("title"),
        IncidentSeverity.fromWireName(severity)
            .orElseThrow(() -> new IllegalStateException("unknown severity " + severity)),
        TriggerType.fromWireName(type)
            .orElseThrow(() -> new IllegalStateException("unknown trigger " + type)),
        "open".equals(rs.getString("status")),
        sql.dialect().getInstant(rs, "opened_at"),
        sql.dialect().getInstant(rs, "last_seen_at"),
        rs.getLong("trigger_count"),
        sql.dialect().getInstant(rs, "resolved_at"),
        rs.getString("resolved_by"),
        rs.getString("details"),
        Json.parseStringArray(rs.getString("related_ids")));
  }
}
