package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Fields;
import ai.agentlens.core.memory.TopMatches;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EmbeddingStore} in portable SQL (table {@code embeddings}), ranking in process: the newest
 * {@code candidates} rows that match the filter are streamed once through {@link TopMatches}, so
 * only the best {@code limit} are kept in memory. Vectors are stored as {@link Float32Vectors}
 * bytes on every backend.
 */
public class JdbcEmbeddingStore implements EmbeddingStore {

  /** The columns every store reads and writes, in the order {@link #bind} binds them. */
  protected static final String COLUMNS =
      "org_id, source_type, source_id, session_id, agent_id, text, content_hash, model, dims,"
          + " vector, created_at";

  private static final String UPSERT =
      "insert into embeddings ("
          + COLUMNS
          + ") values (?,?,?,?,?,?,?,?,?,?,?)"
          + " on conflict (org_id, source_type, source_id, model) do update set"
          + " session_id = excluded.session_id, agent_id = excluded.agent_id,"
          + " text = excluded.text, content_hash = excluded.content_hash, dims = excluded.dims,"
          + " vector = excluded.vector, created_at = excluded.created_at";

  /** Rows fetched per round trip while streaming candidates (PostgreSQL honours it). */
  private static final int FETCH_SIZE = 1000;

  /** Transactions. */
  protected final Transactor tx;

  /** SQL helper. */
  protected final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcEmbeddingStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public boolean rankedInDatabase() {
    return false;
  }

  @Override
  public void upsert(List<StoredEmbedding> embeddings) {
    // why: one statement may not touch a key twice (PostgreSQL refuses), so the last one wins here
    Map<String, Map<List<String>, StoredEmbedding>> byOrg = new LinkedHashMap<>();
    for (StoredEmbedding e : embeddings) {
      check(e);
      byOrg
          .computeIfAbsent(e.orgId(), k -> new LinkedHashMap<>())
          .put(List.of(e.sourceType(), e.sourceId(), e.model()), e);
    }
    if (byOrg.isEmpty()) {
      return;
    }
    String first = byOrg.keySet().iterator().next();
    tx.write(
        Scope.org(first),
        c -> {
          for (var org : byOrg.entrySet()) {
            tx.rescope(c, Scope.org(org.getKey()));
            sql.batch(c, upsertSql(), new ArrayList<>(org.getValue().values()), this::bind);
          }
          return null;
        });
  }

  /**
   * The statement {@link #upsert} runs per embedding; a subclass that writes more columns appends
   * them and binds them in {@link #bind}.
   *
   * @return the insert-or-replace statement
   */
  protected String upsertSql() {
    return UPSERT;
  }

  /**
   * Binds one embedding to {@link #upsertSql()}: the {@link #COLUMNS} in order.
   *
   * @param p the parameters
   * @param e the embedding
   * @throws SQLException from the driver
   */
  protected void bind(Params p, StoredEmbedding e) throws SQLException {
    p.text(e.orgId())
        .text(e.sourceType())
        .text(e.sourceId())
        .text(e.sessionId())
        .text(e.agentId())
        .text(e.text())
        .text(e.contentHash())
        .text(e.model())
        .int64(e.vector().length)
        .bytes(Float32Vectors.encode(e.vector()))
        .instant(e.createdAt());
  }

  private static void check(StoredEmbedding e) {
    Tenancy.require(e.orgId());
    Fields.required("sourceType", e.sourceType(), 32);
    Fields.required("sourceId", e.sourceId(), Fields.MAX_ID);
    Fields.optional("sessionId", e.sessionId(), Fields.MAX_ID);
    Fields.optional("agentId", e.agentId(), Fields.MAX_ID);
    Fields.required("model", e.model(), Fields.MAX_NAME);
    Fields.required("contentHash", e.contentHash(), Fields.MAX_NAME);
    if (e.text() == null) {
      throw new ai.agentlens.core.error.InvalidInputException("text: required");
    }
    if (e.vector() == null || e.vector().length == 0) {
      throw new ai.agentlens.core.error.InvalidInputException("vector: at least one float");
    }
    if (e.createdAt() == null) {
      throw new ai.agentlens.core.error.InvalidInputException("createdAt: required");
    }
  }

  @Override
  public List<EmbeddingMatch> nearest(
      EmbeddingFilter filter, float[] vector, int candidates, int limit) {
    if (nothingToRank(filter, vector, candidates, limit)) {
      return List.of();
    }
    Filter f = filter(filter, vector);
    List<Object> args = new ArrayList<>(f.args());
    args.add(candidates);
    String query =
        "select "
            + COLUMNS
            + " from embeddings where "
            + f.where()
            + " order by created_at desc, source_id desc, source_type desc limit ?";
    return tx.readOrg(
        filter.orgId(),
        List.of(),
        c -> {
          TopMatches top = new TopMatches(vector, limit);
          stream(c, query, args, top);
          return top.best();
        });
  }

  /**
   * Whether {@link #nearest} has nothing to rank: no org, no model or an empty query vector.
   *
   * @param filter the filter
   * @param vector the query vector
   * @param candidates candidates asked for
   * @param limit matches asked for
   * @return {@code true} when the answer is empty
   * @throws IllegalArgumentException when candidates or limit is not positive
   */
  protected static boolean nothingToRank(
      EmbeddingFilter filter, float[] vector, int candidates, int limit) {
    if (candidates <= 0 || limit <= 0) {
      throw new IllegalArgumentException("candidates and limit must be > 0");
    }
    return Tenancy.none(filter.orgId())
        || filter.model() == null
        || vector == null
        || vector.length == 0;
  }

  /**
   * The SQL condition (without {@code where}) of a filter and its arguments: org, model, the query
   * vector's dimension, source types, agent and the inclusive time range.
   *
   * @param filter the filter
   * @param vector the query vector
   * @return the condition
   */
  protected static Filter filter(EmbeddingFilter filter, float[] vector) {
    StringBuilder where = new StringBuilder("org_id = ? and model = ? and dims = ?");
    List<Object> args = new ArrayList<>(List.of(filter.orgId(), filter.model(), vector.length));
    if (!filter.sourceTypes().isEmpty()) {
      where.append(" and source_type in (").append(Sql.placeholders(filter.sourceTypes().size()));
      where.append(')');
      args.addAll(filter.sourceTypes().stream().sorted().toList());
    }
    if (filter.agentId() != null) {
      where.append(" and agent_id = ?");
      args.add(filter.agentId());
    }
    if (filter.from() != null) {
      where.append(" and created_at >= ?");
      args.add(filter.from());
    }
    if (filter.to() != null) {
      where.append(" and created_at <= ?");
      args.add(filter.to());
    }
    return new Filter(where.toString(), List.copyOf(args));
  }

  /**
   * A SQL condition and its arguments.
   *
   * @param where the condition, without {@code where}
   * @param args its arguments in order
   */
  protected record Filter(String where, List<Object> args) {}

  /**
   * Runs a query that selects {@link #COLUMNS} and offers every row to {@code top}, streaming.
   *
   * @param c the connection (scoped to the org)
   * @param query the query
   * @param args its arguments
   * @param top where the rows go
   * @throws SQLException from the driver
   */
  protected void stream(Connection c, String query, List<Object> args, TopMatches top)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setFetchSize(FETCH_SIZE);
      sql.bind(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          top.offer(row(rs));
        }
      }
    }
  }

  /**
   * Reads one row of {@link #COLUMNS}.
   *
   * @param rs the result set, on a row
   * @return the embedding
   * @throws SQLException from the driver
   */
  protected StoredEmbedding row(ResultSet rs) throws SQLException {
    return new StoredEmbedding(
        rs.getString("org_id"),
        rs.getString("source_type"),
        rs.getString("source_id"),
        rs.getString("session_id"),
        rs.getString("agent_id"),
        rs.getString("text"),
        rs.getString("content_hash"),
        rs.getString("model"),
        Float32Vectors.decode(rs.getBytes("vector")),
        sql.dialect().getInstant(rs, "created_at"));
  }

  @Override
  public long count(String orgId) {
    return tx.readOrg(
        orgId,
        0L,
        c ->
            sql.one(
                    c,
                    "select count(*) from embeddings where org_id = ?",
                    rs -> rs.getLong(1),
                    orgId)
                .orElse(0L));
  }
}
