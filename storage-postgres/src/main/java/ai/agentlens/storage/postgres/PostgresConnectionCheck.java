package ai.agentlens.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Answers "can we reach PostgreSQL right now?" for start-up checks and readiness probes. Opens a
 * fresh connection each time, so it never reports a cached answer.
 */
public final class PostgresConnectionCheck {

  private final PostgresUrl url;
  private final Duration timeout;

  /**
   * Creates a check.
   *
   * @param url where the database is
   * @param timeout how long one check may take, at most; rounded up to whole seconds
   */
  public PostgresConnectionCheck(PostgresUrl url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
  }

  /**
   * Connects and runs {@code select 1}.
   *
   * @return empty when the database answered; otherwise why not, in one line without secrets
   */
  public Optional<String> problem() {
    Properties props = new Properties();
    if (url.user() != null) {
      props.setProperty("user", url.user());
    }
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
    props.setProperty("connectTimeout", seconds);
    props.setProperty("socketTimeout", seconds);
    props.setProperty("loginTimeout", seconds);
    try (Connection c = new org.postgresql.Driver().connect(url.jdbcUrl(), props)) {
      if (c == null) {
        return Optional.of("not a PostgreSQL URL: " + url);
      }
      try (var st = c.createStatement();
          var rs = st.executeQuery("select 1")) {
        rs.next();
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("cannot reach PostgreSQL at " + url.display() + " (" + oneLine(e) + ")");
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
