package ai.agentlens.core.archfixture;

/** Violates CORE_IS_PLAIN_JAVA: a domain class touching JDBC. */
public class CoreUsingJdbc {
  java.sql.Connection connection;
}
