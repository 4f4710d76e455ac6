package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.Float32Vectors;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills {@code vec} for embeddings stored before pgvector was there, org by org, in keyset batches,
 * so a large table is neither read at once nor locked for long. Until a row is filled it is ranked
 * in process, so recall answers the same throughout. Idempotent; {@link #stop()} ends it between
 * batches.
 */
final class PgvectorBackfill implements Runnable {

  private static final System.Logger LOG = System.getLogger(PgvectorBackfill.class.getName());

  /** Rows read and written per transaction. */
  static final int BATCH = 500;

  private static final String NEXT =
      "select source_type, source_id, model, vector from embeddings"
          + " where org_id = ? and vec is null and (source_type, source_id, model) > (?, ?, ?)"
          + " order by source_type, source_id, model limit ?";

  private static final String FILL =
      "update embeddings set vec = cast(? as vector) where org_id = ? and source_type = ?"
          + " and source_id = ? and model = ? and vec is null and vector = ?";

  private final Transactor tx;
  private final Sql sql;
  private volatile boolean stopped;

  /**
   * Creates the back-fill.
   *
   * @param tx transactions of the application role
   * @param sql SQL helper
   */
  PgvectorBackfill(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  private record Row(String type, String id, String model, byte[] bytes) {}

  /** Asks a running back-fill to end after its current batch. */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      long filled = fillAll();
      if (filled > 0) {
        LOG.log(Level.INFO, "pgvector back-fill: {0} embeddings filled", filled);
      }
    } catch (RuntimeException e) {
      if (!stopped) {
        LOG.log(Level.WARNING, "pgvector back-fill stopped: {0}", e.getMessage());
      }
    }
  }

  /**
   * Fills every org's rows whose {@code vec} is null and that pgvector can hold.
   *
   * @return how many rows were filled
   */
  long fillAll() {
    // why: RLS shows the application role one org; this function lists them all
    List<String> orgs =
        tx.read(
            Scope.NONE,
            c -> sql.list(c, "select id from rollup_org_ids() as t(id)", rs -> rs.getString(1)));
    long filled = 0;
    for (String org : orgs) {
      filled += fill(org);
    }
    return filled;
  }

  private long fill(String org) {
    Row after = new Row("", "", "", null);
    long filled = 0;
    while (!stopped) {
      Row from = after;
      List<Row> rows =
          tx.read(
              Scope.org(org),
              c ->
                  sql.list(
                      c,
                      NEXT,
                      rs ->
                          new Row(
                              rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)),
                      org,
                      from.type(),
                      from.id(),
                      from.model(),
                      BATCH));
      if (rows.isEmpty()) {
        return filled;
      }
      List<Object[]> updates = new ArrayList<>();
      for (Row r : rows) {
        String text = PgvectorText.of(Float32Vectors.decode(r.bytes()));
        if (text != null) {
          updates.add(new Object[] {text, org, r.type(), r.id(), r.model(), r.bytes()});
        }
      }
      filled +=
          tx.write(
              Scope.org(org),
              c -> {
                int n = 0;
                for (Object[] u : updates) {
                  n += sql.update(c, FILL, u);
                }
                return n;
              });
      after = rows.get(rows.size() - 1);
    }
    return filled;
  }
}
