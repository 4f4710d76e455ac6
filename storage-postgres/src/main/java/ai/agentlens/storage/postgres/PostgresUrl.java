package ai.agentlens.storage.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location parsed from {@code AGENTLENS_DATABASE_URL}. Accepts the libpq form ({@code
 * postgres://user:password@host:5432/db?sslmode=require}, also {@code postgresql://}) and the JDBC
 * form ({@code jdbc:postgresql://host:5432/db?user=u&password=p}).
 *
 * <p>{@link #toString()} never contains the password, so the value is safe to log.
 *
 * @param jdbcUrl the JDBC URL without credentials in its user-info part
 * @param user the user name, or {@code null} to let the driver decide
 * @param password the password, or {@code null}
 * @param display host, port and database, for messages
 */
public record PostgresUrl(String jdbcUrl, String user, String password, String display) {

  /**
   * Parses a database URL.
   *
   * @param raw the URL as configured
   * @return the parsed location
   * @throws IllegalArgumentException with a message fit for an operator when the URL is not a
   *     PostgreSQL URL
   */
  public static PostgresUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("database URL is empty");
    }
    String url = raw.trim();
    if (url.startsWith("jdbc:postgresql:")) {
      String rest = url.substring("jdbc:".length());
      URI uri = uri(rest, url);
      return new PostgresUrl(url, null, null, display(uri));
    }
    if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "database URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got "
              + scheme(url)
              + ")");
    }
    URI uri = uri(url, url);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("database URL has no host");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query;
    return new PostgresUrl(jdbc, user, password, display(uri));
  }

  private static URI uri(String value, String original) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("database URL is malformed: " + e.getReason());
    }
  }

  private static String display(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String path = uri.getPath() == null ? "" : uri.getPath();
    return uri.getHost() + ":" + port + path;
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon > 0 ? url.substring(0, colon) + ":" : "no scheme";
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "postgresql://" + display;
  }
}
