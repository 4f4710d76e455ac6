package ai.agentlens.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an SMTP server ({@code agentlens.mail.smtp.*}).
 *
 * @param host server host
 * @param port server port (587 for submission with STARTTLS, 465 for implicit TLS)
 * @param username login, or {@code null}/blank for no authentication
 * @param password password for {@code username}
 * @param startTls upgrade the connection with STARTTLS
 * @param ssl connect with implicit TLS
 * @param from the sender, e.g. {@code AgentLens <no-reply@example.com>}
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(
    String host,
    int port,
    String username,
    String password,
    boolean startTls,
    boolean ssl,
    String from,
    Duration timeout) {

  /** Default sender when none is configured. */
  public static final String DEFAULT_FROM = "AgentLens <no-reply@agentlens.local>";

  /** Checks the required fields. */
  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (host.isBlank()) {
      throw new IllegalArgumentException("agentlens.mail.smtp.host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("agentlens.mail.smtp.port must be 1..65535");
    }
  }

  /**
   * Tells whether the server wants a login.
   *
   * @return {@code true} when a user name is set
   */
  public boolean authenticated() {
    return username != null && !username.isBlank();
  }
}
