package ai.agentlens.web.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a request came from, as a browser sees it: whether it is HTTPS (directly, or {@code
 * X-Forwarded-Proto: https} from a trusted proxy), whether cookies may be {@code Secure} ({@code
 * agentlens.cookies.secure}: {@code auto} follows the request, {@code always}, {@code never}), and
 * the public base URL for absolute links ({@code agentlens.public-url}, else derived from the
 * request). A browser drops {@code Secure} cookies over plain HTTP except on localhost, so a
 * self-hosted server reached by a LAN address over HTTP needs cookies without the flag.
 */
@Singleton
public class RequestOrigin {

  /** When cookies carry {@code Secure}. */
  public enum SecureCookies {
    /** When the request is HTTPS (directly or through a trusted proxy). */
    AUTO,
    /** Always (a server only ever reached over HTTPS). */
    ALWAYS,
    /** Never (plain HTTP only; not for anything reachable from outside). */
    NEVER
  }

  // why: Host comes from the client; only a plain host[:port] may end up in a URL we send out
  private static final Pattern HOST =
      Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");

  private final SecureCookies secureCookies;
  private final Set<InetAddress> trustedProxies;
  private final String publicUrl;
  private final int port;

  @Inject
  RequestOrigin(
      @Nullable @Value("${agentlens.cookies.secure:}") String secureCookies,
      // why: a launcher sets its own default (cloud: always); the operator's setting wins over it
      @Value("${agentlens.cookies.secure-default:auto}") String launcherDefault,
      @Value("${agentlens.http.trusted-proxies:}") String trustedProxies,
      @Nullable @Value("${agentlens.public-url:}") String publicUrl,
      @Value("${micronaut.server.port:3400}") int port) {
    this(
        secureCookies == null || secureCookies.isBlank() ? launcherDefault : secureCookies,
        trustedProxies,
        publicUrl,
        port);
  }

  RequestOrigin(String secureCookies, String trustedProxies, String publicUrl, int port) {
    this.secureCookies = parse(secureCookies);
    this.trustedProxies = addresses(trustedProxies);
    this.publicUrl =
        publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim().replaceAll("/+$", "");
    this.port = port;
  }

  /**
   * Tells whether the request reached us over HTTPS: on a TLS connection, or with {@code
   * X-Forwarded-Proto: https} from an address in {@code agentlens.http.trusted-proxies}.
   *
   * @param request the request
   * @return {@code true} for HTTPS
   */
  public boolean isHttps(HttpRequest<?> request) {
    if (request.isSecure()) {
      return true;
    }
    String proto = forwarded(request, "X-Forwarded-Proto");
    return proto != null && proto.equalsIgnoreCase("https");
  }

  /**
   * Tells whether the cookies of a response to this request get {@code Secure}.
   *
   * @param request the request
   * @return {@code true} when they must
   */
  public boolean secureCookies(HttpRequest<?> request) {
    return switch (secureCookies) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> isHttps(request);
    };
  }

  /**
   * Returns the base URL of absolute links (OAuth redirects, links shown to the user): {@code
   * agentlens.public-url} when set, else the request's scheme and host ({@code X-Forwarded-Host}
   * from a trusted proxy, else {@code Host}; {@code localhost:<port>} when neither is a plain
   * host).
   *
   * @param request the request
   * @return e.g. {@code https://agentlens.example.com}, without a trailing slash
   */
  public String baseUrl(HttpRequest<?> request) {
    if (publicUrl != null) {
      return publicUrl;
    }
    String host = forwarded(request, "X-Forwarded-Host");
    if (host == null) {
      host = request.getHeaders().get("Host");
    }
    if (host == null || !HOST.matcher(host.trim()).matches()) {
      host = "localhost:" + port;
    }
    return (isHttps(request) ? "https://" : "http://") + host.trim();
  }

  /**
   * Returns the host the client asked for, without the port: {@code X-Forwarded-Host} from a
   * trusted proxy, else {@code Host}, when it is a plain host name or address.
   *
   * @param request the request
   * @return e.g. {@code agentlens.example.com} or {@code [::1]}; empty when the header is missing
   *     or not a plain host
   */
  public java.util.Optional<String> hostName(HttpRequest<?> request) {
    String host = forwarded(request, "X-Forwarded-Host");
    if (host == null) {
      host = request.getHeaders().get("Host");
    }
    if (host == null) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher m = HOST.matcher(host.trim());
    return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /**
   * Returns the configured public base URL ({@code agentlens.public-url}).
   *
   * @return the URL without a trailing slash, or empty when unset
   */
  public java.util.Optional<String> publicUrl() {
    return java.util.Optional.ofNullable(publicUrl);
  }

  /**
   * Tells whether an address is one of {@code agentlens.http.trusted-proxies}.
   *
   * @param address a peer's address, or {@code null}
   * @return {@code true} when its forwarding headers are believed
   */
  public boolean isTrustedProxy(InetAddress address) {
    return address != null && trustedProxies.contains(address);
  }

  /**
   * Parses an IP literal, never a host name (no DNS lookup).
   *
   * @param ip e.g. {@code 203.0.113.9} or {@code 2001:db8::1}
   * @return the address, or empty when {@code ip} is not an IP literal
   */
  public static java.util.Optional<InetAddress> ipLiteral(String ip) {
    // why: InetAddress resolves anything that is not a valid literal through DNS; only shapes
    // it parses without a lookup get through (dotted-quad IPv4, anything with a colon as IPv6)
    if (ip == null
        || ip.length() > 45
        || !ip.matches("([0-9]{1,3}\\.){3}[0-9]{1,3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }

  /** The first value of a forwarding header, only when the peer is a trusted proxy. */
  private String forwarded(HttpRequest<?> request, String header) {
    if (trustedProxies.isEmpty()) {
      return null;
    }
    InetSocketAddress peer = request.getRemoteAddress();
    if (peer == null || !isTrustedProxy(peer.getAddress())) {
      return null;
    }
    String value = request.getHeaders().get(header);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.split(",")[0].trim();
  }

  private static SecureCookies parse(String value) {
    try {
      return SecureCookies.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "agentlens.cookies.secure must be auto, always or never (got '" + value + "')", e);
    }
  }

  private static Set<InetAddress> addresses(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(RequestOrigin::literal)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static InetAddress literal(String ip) {
    // why: only IP literals; a host name here would make every request wait for DNS
    if (!ip.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      throw new IllegalArgumentException(
          "agentlens.http.trusted-proxies must list IP addresses (got '" + ip + "')");
    }
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(
          "agentlens.http.trusted-proxies: not an IP address: '" + ip + "'", e);
    }
  }
}
