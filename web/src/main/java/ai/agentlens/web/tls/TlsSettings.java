package ai.agentlens.web.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Built-in HTTPS (issue 19, NFR-15, PC-02), the same on both launchers: a PEM certificate chain and
 * private key ({@code agentlens.tls.cert} / {@code agentlens.tls.key}, i.e. {@code
 * AGENTLENS_TLS_CERT} / {@code AGENTLENS_TLS_KEY}) turn the launcher's port into an HTTPS port
 * speaking TLS 1.3 only, unless {@code agentlens.tls.protocols} also allows TLS 1.2. An optional
 * {@code agentlens.tls.redirect-port} opens a plain HTTP listener whose every request is redirected
 * to HTTPS, and HTTPS responses carry {@code Strict-Transport-Security} ({@code
 * agentlens.tls.hsts-max-age} seconds, one year by default; 0 sends none).
 *
 * <p>A launcher reads these before it starts Micronaut ({@link #read}), so a missing, unreadable or
 * mismatched certificate or key stops the start with one line naming the setting ({@link
 * IllegalArgumentException}), and turns them into Micronaut's server properties ({@link
 * #serverProperties}).
 *
 * @param cert the certificate chain (PEM), server certificate first
 * @param key the private key (PEM, unencrypted PKCS#8 or PKCS#1)
 * @param protocols the TLS versions served, e.g. {@code [TLSv1.3]}
 * @param redirectPort the plain HTTP port that redirects to HTTPS, or {@code null} for none
 * @param hstsMaxAge {@code max-age} of {@code Strict-Transport-Security} in seconds; 0 for none
 */
public record TlsSettings(
    Path cert, Path key, List<String> protocols, Integer redirectPort, long hstsMaxAge) {

  /** Property of the certificate chain file. */
  public static final String CERT = "agentlens.tls.cert";

  /** Property of the private key file. */
  public static final String KEY = "agentlens.tls.key";

  /** Property of the TLS versions served (comma-separated). */
  public static final String PROTOCOLS = "agentlens.tls.protocols";

  /** Property of the plain HTTP port that redirects to HTTPS. */
  public static final String REDIRECT_PORT = "agentlens.tls.redirect-port";

  /** Property of the HSTS max-age in seconds. */
  public static final String HSTS_MAX_AGE = "agentlens.tls.hsts-max-age";

  /** Set by {@link #serverProperties}: TLS is on (activates {@link TlsFilter}). */
  static final String ENABLED = "agentlens.tls.enabled";

  /** Set by {@link #serverProperties}: the HTTPS port redirects point to. */
  static final String HTTPS_PORT = "agentlens.tls.https-port";

  /** One year, as browsers' HSTS preload lists expect. */
  public static final long DEFAULT_HSTS_MAX_AGE = 31_536_000L;

  private static final List<String> KNOWN = List.of("TLSv1.3", "TLSv1.2");

  /**
   * Reads and checks the settings: the launcher's own properties first, then system properties,
   * then the environment ({@code AGENTLENS_TLS_CERT} for {@code agentlens.tls.cert}, as Micronaut
   * maps them).
   *
   * @param extra the properties the launcher starts Micronaut with
   * @param env the process environment
   * @return the settings, or empty when no certificate and key are configured (plain HTTP)
   * @throws IllegalArgumentException one line naming the setting when a value is missing,
   *     unreadable, not PEM, or when the key does not belong to the certificate
   */
  public static Optional<TlsSettings> read(Map<String, Object> extra, Map<String, String> env) {
    UnaryOperator<String> setting =
        name -> {
          Object value = extra.get(name);
          if (value == null) {
            value = System.getProperty(name);
          }
          if (value == null) {
            value = env.get(envName(name));
          }
          return value == null || value.toString().isBlank() ? null : value.toString().trim();
        };
    String cert = setting.apply(CERT);
    String key = setting.apply(KEY);
    if (cert == null && key == null) {
      return Optional.empty();
    }
    if (cert == null || key == null) {
      throw new IllegalArgumentException(
          label(cert == null ? CERT : KEY)
              + " is not set: built-in HTTPS needs both "
              + envName(CERT)
              + " and "
              + envName(KEY));
    }
    TlsSettings settings =
        new TlsSettings(
            Path.of(cert),
            Path.of(key),
            protocols(setting.apply(PROTOCOLS)),
            port(setting.apply(REDIRECT_PORT)),
            maxAge(setting.apply(HSTS_MAX_AGE)));
    PemCheck.check(settings.cert, label(CERT), settings.key, label(KEY));
    return Optional.of(settings);
  }

  /**
   * Returns the Micronaut properties that serve HTTPS on {@code httpsPort} (and, when configured,
   * the redirecting HTTP listener on {@link #redirectPort}).
   *
   * @param httpsPort the launcher's port, which becomes the HTTPS port
   * @return the properties to start Micronaut with
   * @throws IllegalArgumentException when the redirect port is the HTTPS port
   */
  public Map<String, Object> serverProperties(int httpsPort) {
    if (redirectPort != null && redirectPort == httpsPort) {
      throw new IllegalArgumentException(
          label(REDIRECT_PORT) + " must differ from the HTTPS port " + httpsPort);
    }
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.ssl.enabled", true);
    p.put("micronaut.server.ssl.port", httpsPort);
    p.put("micronaut.server.ssl.key-store.certificate-path", "file:" + cert.toAbsolutePath());
    p.put("micronaut.server.ssl.key-store.key-path", "file:" + key.toAbsolutePath());
    p.put("micronaut.server.ssl.protocols", protocols);
    // why: the plain listener exists only to redirect; without a redirect port there is none
    p.put("micronaut.server.dual-protocol", redirectPort != null);
    if (redirectPort != null) {
      p.put("micronaut.server.port", redirectPort);
    }
    p.put(ENABLED, true);
    p.put(HTTPS_PORT, httpsPort);
    p.put(HSTS_MAX_AGE, hstsMaxAge);
    return p;
  }

  /**
   * Returns the environment variable Micronaut maps to a property.
   *
   * @param property e.g. {@code agentlens.tls.cert}
   * @return e.g. {@code AGENTLENS_TLS_CERT}
   */
  static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String label(String property) {
    return envName(property) + " (" + property + ")";
  }

  private static List<String> protocols(String raw) {
    if (raw == null) {
      return List.of("TLSv1.3");
    }
    List<String> out = new ArrayList<>();
    for (String part : raw.split(",")) {
      String p = part.trim();
      String known =
          KNOWN.stream()
              .filter(k -> k.equalsIgnoreCase(p) || k.substring(4).equals(p))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          label(PROTOCOLS)
                              + " may list TLSv1.3 and TLSv1.2 only (got '"
                              + raw
                              + "')"));
      if (!out.contains(known)) {
        out.add(known);
      }
    }
    return List.copyOf(out);
  }

  private static Integer port(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      int port = Integer.parseInt(raw);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          label(REDIRECT_PORT) + " must be a port between 1 and 65535 (got '" + raw + "')");
    }
  }

  private static long maxAge(String raw) {
    if (raw == null) {
      return DEFAULT_HSTS_MAX_AGE;
    }
    try {
      long seconds = Long.parseLong(raw);
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          label(HSTS_MAX_AGE) + " must be a number of seconds, 0 or more (got '" + raw + "')");
    }
  }
}
