package ai.agentlens.testing;

/**
 * A PostgreSQL server a test may use, reached as a role that can create databases and roles.
 *
 * @param host host name
 * @param port port
 * @param adminUser a role with CREATEDB (and, on every server we start, superuser)
 * @param adminPassword its password, or empty
 * @param source which candidate produced it
 */
public record PostgresServer(
    String host, int port, String adminUser, String adminPassword, String source) {

  /**
   * Returns the JDBC URL of a database on this server.
   *
   * @param database the database name
   * @return the URL
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
