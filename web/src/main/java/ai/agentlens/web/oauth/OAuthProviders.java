package ai.agentlens.web.oauth;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The configured OAuth providers. A provider is enabled when its client id is set; its endpoints
 * default to the real ones and can be pointed elsewhere (tests use a local mock-oauth2-server).
 *
 * <p>Google (OIDC): {@code agentlens.oauth.google.client-id}, {@code .client-secret}, {@code
 * .issuer}, {@code .authorization-endpoint}, {@code .token-endpoint}. GitHub (OAuth2): {@code
 * agentlens.oauth.github.client-id}, {@code .client-secret}, {@code .authorization-endpoint},
 * {@code .token-endpoint}, {@code .user-endpoint}, {@code .emails-endpoint}. Both take {@code
 * .scope}. As environment variables: {@code AGENTLENS_OAUTH_GOOGLE_CLIENT_ID} and so on.
 */
@Singleton
public class OAuthProviders {

  /**
   * One provider's settings.
   *
   * @param name {@code google} or {@code github}
   * @param oidc whether it is an OpenID Connect provider (ID token) or plain OAuth2
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param issuer the OIDC issuer ({@code iss} claim), or {@code null}
   * @param authorizationEndpoint where the browser is sent
   * @param tokenEndpoint where the code is exchanged
   * @param userEndpoint GitHub's user API, or {@code null}
   * @param emailsEndpoint GitHub's e-mails API, or {@code null}
   * @param scope the requested scopes
   */
  public record Provider(
      String name,
      boolean oidc,
      String clientId,
      String clientSecret,
      String issuer,
      String authorizationEndpoint,
      String tokenEndpoint,
      String userEndpoint,
      String emailsEndpoint,
      String scope) {}

  private final Environment env;

  OAuthProviders(Environment env) {
    this.env = env;
  }

  /**
   * Finds an enabled provider.
   *
   * @param name {@code google} or {@code github}
   * @return the provider, or empty when unknown or not configured
   */
  public Optional<Provider> find(String name) {
    String p = "agentlens.oauth." + name + ".";
    Optional<String> clientId = env.getProperty(p + "client-id", String.class);
    if (clientId.isEmpty() || clientId.get().isBlank()) {
      return Optional.empty();
    }
    String secret = env.getProperty(p + "client-secret", String.class).orElse("");
    return switch (name) {
      case "google" ->
          Optional.of(
              new Provider(
                  "google",
                  true,
                  clientId.get(),
                  secret,
                  get(p, "issuer", "https://accounts.google.com"),
                  get(p, "authorization-endpoint", "https://accounts.google.com/o/oauth2/v2/auth"),
                  get(p, "token-endpoint", "https://oauth2.googleapis.com/token"),
                  null,
                  null,
                  get(p, "scope", "openid email profile")));
      case "github" ->
          Optional.of(
              new Provider(
                  "github",
                  false,
                  clientId.get(),
                  secret,
                  null,
                  get(p, "authorization-endpoint", "https://github.com/login/oauth/authorize"),
                  get(p, "token-endpoint", "https://github.com/login/oauth/access_token"),
                  get(p, "user-endpoint", "https://api.github.com/user"),
                  get(p, "emails-endpoint", "https://api.github.com/user/emails"),
                  get(p, "scope", "read:user user:email")));
      default -> Optional.empty();
    };
  }

  private String get(String prefix, String key, String fallback) {
    return env.getProperty(prefix + key, String.class).filter(v -> !v.isBlank()).orElse(fallback);
  }
}
