package ai.agentlens.storage.postgres;

import ai.agentlens.core.memory.TopMatches;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.storage.spi.jdbc.JdbcEmbeddingStore;
import ai.agentlens.storage.spi.jdbc.Params;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding store on a PostgreSQL that has pgvector: every row also carries its vector in the
 * column {@code vec} (type {@code vector}), and {@link #nearest} lets the database rank the newest
 * candidates with the cosine-distance operator {@code <=>}, so only a few rows cross the wire
 * instead of all candidates.
 *
 * <p>The answer is the same as {@link JdbcEmbeddingStore}'s: the database picks the best {@code
 * limit} plus a margin, and those are ranked again in process from the exact bytes ({@link
 * TopMatches}), which settles ties and single-precision rounding. Rows whose {@code vec} is null
 * (written before pgvector was there and not yet back-filled, or holding values pgvector refuses,
 * see {@link PgvectorText}) always join the in-process ranking.
 */
final class PgvectorEmbeddingStore extends JdbcEmbeddingStore {

  /** Rows beyond {@code limit} the database hands over, so rounding never drops a true match. */
  static final int MARGIN = 16;

  private static final String UPSERT =
      "insert into embeddings ("
          + COLUMNS
          + ", vec) values (?,?,?,?,?,?,?,?,?,?,?, cast(? as vector))"
          + " on conflict (org_id, source_type, source_id, model) do update set"
          + " session_id = excluded.session_id, agent_id = excluded.agent_id,"
          + " text = excluded.text, content_hash = excluded.content_hash, dims = excluded.dims,"
          + " vector = excluded.vector, created_at = excluded.created_at, vec = excluded.vec";

  /**
   * Creates the store on a database whose {@code embeddings} table has the {@code vec} column
   * ({@link PgvectorSchema#prepare}).
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  PgvectorEmbeddingStore(Transactor tx, Sql sql) {
    super(tx, sql);
  }

  @Override
  public boolean rankedInDatabase() {
    return true;
  }

  @Override
  protected String upsertSql() {
    return UPSERT;
  }

  @Override
  protected void bind(Params p, StoredEmbedding e) throws SQLException {
    super.bind(p, e);
    p.text(PgvectorText.of(e.vector()));
  }

  @Override
  public List<EmbeddingMatch> nearest(
      EmbeddingFilter filter, float[] vector, int candidates, int limit) {
    if (nothingToRank(filter, vector, candidates, limit)) {
      return List.of();
    }
    String query = PgvectorText.of(vector);
    if (query == null) {
      // why: pgvector cannot hold this query vector, so every candidate is ranked in process
      return super.nearest(filter, vector, candidates, limit);
    }
    Filter f = filter(filter, vector);
    List<Object> args = new ArrayList<>(f.args());
    args.add(candidates);
    args.add(query);
    args.add(limit + Math.max(MARGIN, limit));
    String ranked =
        "with c as materialized (select "
            + COLUMNS
            + ", vec from embeddings where "
            + f.where()
            + " order by created_at desc, source_id desc, source_type desc limit ?)"
            + " (select "
            + COLUMNS
            + " from c where vec is not null"
            // why: pgvector answers NaN for an all-zero vector, whose similarity is 0 (distance 1)
            + " order by coalesce(nullif(vec <=> cast(? as vector), 'NaN'::float8), 1),"
            + " created_at desc, source_id collate \"C\" limit ?)"
            + " union all select "
            + COLUMNS
            + " from c where vec is null";
    return tx.readOrg(
        filter.orgId(),
        List.of(),
        c -> {
          TopMatches top = new TopMatches(vector, limit);
          stream(c, ranked, args, top);
          return top.best();
        });
  }
}
