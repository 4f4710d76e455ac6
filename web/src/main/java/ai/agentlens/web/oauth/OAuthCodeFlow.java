package ai.agentlens.web.oauth;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.signin.OAuthSignIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small authorization-code flow client: builds the authorization URL, exchanges the code, and
 * reads the user's identity — from the OIDC ID token (Google: issuer, audience, nonce and expiry
 * checked; its signature is not, since it comes straight from the token endpoint over TLS, which
 * OIDC Core §3.1.3.7 allows) or from the user and e-mail APIs (GitHub).
 */
@Singleton
public class OAuthCodeFlow {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Clock clock;

  OAuthCodeFlow(Clock clock) {
    this.clock = clock;
  }

  /**
   * Builds the URL the browser is sent to.
   *
   * @param p the provider
   * @param redirectUri our callback
   * @param state anti-CSRF state
   * @param nonce the OIDC nonce
   * @return the URL
   */
  public String authorizationUrl(
      OAuthProviders.Provider p, String redirectUri, String state, String nonce) {
    String sep = p.authorizationEndpoint().contains("?") ? "&" : "?";
    Map<String, String> q = new java.util.LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", p.clientId());
    q.put("redirect_uri", redirectUri);
    q.put("scope", p.scope());
    q.put("state", state);
    if (p.oidc()) {
      q.put("nonce", nonce);
    }
    return p.authorizationEndpoint() + sep + form(q);
  }

  /**
   * Exchanges a code and reads the identity.
   *
   * @param p the provider
   * @param code the code from the callback
   * @param redirectUri the same callback URI as in the authorization request
   * @param nonce the nonce sent (OIDC)
   * @return the profile
   * @throws AccountException UNAUTHENTICATED when the provider refuses or answers nonsense
   */
  public OAuthSignIn.Profile exchange(
      OAuthProviders.Provider p, String code, String redirectUri, String nonce) {
    JsonNode token =
        call(
            HttpRequest.newBuilder(URI.create(p.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                redirectUri,
                                "client_id",
                                p.clientId(),
                                "client_secret",
                                p.clientSecret())))));
    return p.oidc() ? fromIdToken(p, token, nonce) : fromGithub(p, token);
  }

  private OAuthSignIn.Profile fromIdToken(OAuthProviders.Provider p, JsonNode token, String nonce) {
    String idToken = text(token, "id_token");
    String[] parts = idToken.split("\\.");
    if (parts.length < 2) {
      throw refused("malformed ID token");
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw refused("malformed ID token");
    }
    JsonNode aud = claims.path("aud");
    boolean audOk =
        aud.isArray()
            ? java.util.stream.StreamSupport.stream(aud.spliterator(), false)
                .anyMatch(a -> a.asText().equals(p.clientId()))
            : aud.asText().equals(p.clientId());
    if (!claims.path("iss").asText().equals(p.issuer())
        || !audOk
        || !Secrets.same(claims.path("nonce").asText(), nonce)
        || claims.path("exp").asLong() <= clock.now().getEpochSecond()) {
      throw refused("ID token failed issuer, audience, nonce or expiry checks");
    }
    return new OAuthSignIn.Profile(
        p.name(),
        text(claims, "sub"),
        claims.path("email").isTextual() ? claims.get("email").asText() : null,
        claims.path("email_verified").asBoolean(false),
        claims.path("name").isTextual() ? claims.get("name").asText() : null,
        claims.path("picture").isTextual() ? claims.get("picture").asText() : null);
  }

  private OAuthSignIn.Profile fromGithub(OAuthProviders.Provider p, JsonNode token) {
    String access = text(token, "access_token");
    JsonNode user = call(api(p.userEndpoint(), access).GET());
    String id = user.path("id").asText("");
    if (id.isBlank()) {
      throw refused("GitHub user without an id");
    }
    String email = null;
    JsonNode emails = call(api(p.emailsEndpoint(), access).GET());
    for (JsonNode e : emails) {
      if (e.path("primary").asBoolean() && e.path("verified").asBoolean()) {
        email = e.path("email").asText();
      }
    }
    return new OAuthSignIn.Profile(
        "github",
        id,
        email,
        email != null,
        user.path("name").isTextual() ? user.get("name").asText() : user.path("login").asText(null),
        user.path("avatar_url").isTextual() ? user.get("avatar_url").asText() : null);
  }

  private static HttpRequest.Builder api(String url, String access) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + access)
        .header("Accept", "application/vnd.github+json");
  }

  private static JsonNode call(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              b.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw refused("provider answered " + r.statusCode());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw refused("provider unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused("interrupted");
    }
  }

  private static String text(JsonNode n, String field) {
    String v = n.path(field).asText("");
    if (v.isBlank()) {
      throw refused("provider response without " + field);
    }
    return v;
  }

  private static AccountException refused(String why) {
    return new AccountException(
        AccountException.Kind.UNAUTHENTICATED, "OAuth sign-in failed: " + why);
  }

  private static String form(Map<String, String> q) {
    return q.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
