package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.session.Agent;
import java.util.List;
import java.util.Optional;

/** {@link AgentStore} in portable SQL. */
public class JdbcAgentStore implements AgentStore {

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAgentStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
  }

  @Override
  public Optional<Agent> find(String orgId, String agentId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + Rows.AGENT_COLUMNS + " from agents where org_id = ? and id = ?",
                rows::agent,
                orgId,
                agentId));
  }

  @Override
  public List<Agent> list(String orgId) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + Rows.AGENT_COLUMNS
                    + " from agents where org_id = ? order by last_seen_at desc, id",
                rows::agent,
                orgId));
  }
}
