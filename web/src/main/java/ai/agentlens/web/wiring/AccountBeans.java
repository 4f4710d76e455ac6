package ai.agentlens.web.wiring;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AccountSettings;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.apikey.ApiKeyAdmin;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.apikey.LocalKeyRevocations;
import ai.agentlens.core.org.FirstOwner;
import ai.agentlens.core.org.InvitationSignUp;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.org.Provisioning;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.FailedLogins;
import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.read.AuditReader;
import ai.agentlens.core.signin.InMemoryFailedLogins;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.OAuthSignIn;
import ai.agentlens.core.signin.PasswordReset;
import ai.agentlens.core.signin.PersonalData;
import ai.agentlens.core.signin.Registration;
import ai.agentlens.core.signin.SignIn;
import ai.agentlens.core.signin.SignInThrottle;
import ai.agentlens.web.auth.RequestOrigin;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Builds the account use cases. A launcher may supply its own {@link FailedLogins} and {@link
 * KeyRevocations} (app-cloud: Redis); otherwise both are local to this process.
 */
@Factory
public class AccountBeans {

  @Singleton
  @Requires(missingBeans = FailedLogins.class)
  FailedLogins failedLogins() {
    return new InMemoryFailedLogins();
  }

  @Singleton
  @Requires(missingBeans = KeyRevocations.class)
  KeyRevocations keyRevocations(ApiKeyAuthenticator authenticator) {
    return new LocalKeyRevocations(authenticator);
  }

  @Singleton
  AccountPorts accountPorts(
      Stores stores,
      SecretHasher hasher,
      Mailer mailer,
      Clock clock,
      FailedLogins failedLogins,
      KeyRevocations revocations,
      OrgDirectory orgDirectory,
      @Nullable @Value("${agentlens.public-url:}") String publicUrl,
      @Value("${micronaut.server.port:3400}") int port,
      @Value("${agentlens.orgs.default-plan:free}") String plan,
      RequestOrigin origin) {
    String fallback =
        publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl;
    // why: without a configured public URL, a mail's links point where its request came from
    // (a LAN name, a proxy's host); outside a request (CLI, jobs) they use the fallback
    Supplier<String> links =
        () -> ServerRequestContext.currentRequest().map(origin::baseUrl).orElse(fallback);
    Plan newOrgPlan =
        Plan.fromWireName(plan)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "agentlens.orgs.default-plan: unknown plan '" + plan + "'"));
    return new AccountPorts(
        stores,
        hasher,
        mailer,
        clock,
        () -> UlidCreator.getMonotonicUlid().toString(),
        failedLogins,
        revocations,
        orgDirectory,
        new AccountSettings(links, newOrgPlan));
  }

  /**
   * Self-hosted's first run (the launcher sets {@code agentlens.setup.first-run=true}): the owner
   * account of {@code agentlens.setup.first-run-org} is created in the dashboard while no user
   * exists.
   */
  @Singleton
  @Requires(property = "agentlens.setup.first-run", value = "true")
  FirstOwner firstOwner(
      Stores stores,
      SecretHasher hasher,
      Clock clock,
      @Value("${agentlens.setup.first-run-org:default}") String org) {
    return new FirstOwner(
        stores.users(),
        new Provisioning(stores, hasher, clock, () -> UlidCreator.getMonotonicUlid().toString()),
        org);
  }

  @Singleton
  AuditTrail auditTrail(AccountPorts p) {
    return new AuditTrail(p);
  }

  @Singleton
  Access access(AccountPorts p, AuditTrail a) {
    return new Access(p, a);
  }

  @Singleton
  Registration registration(AccountPorts p) {
    return new Registration(p);
  }

  @Singleton
  LoginSessions loginSessions(AccountPorts p) {
    return new LoginSessions(p);
  }

  @Singleton
  SignIn signIn(
      AccountPorts p,
      LoginSessions s,
      AuditTrail a,
      RateLimiter limiter,
      @Value(
              "${agentlens.auth.sign-in-attempts-per-minute:"
                  + SignInThrottle.DEFAULT_PER_MINUTE
                  + "}")
          int attemptsPerMinute) {
    return new SignIn(p, s, a, new SignInThrottle(limiter, attemptsPerMinute));
  }

  @Singleton
  PasswordReset passwordReset(AccountPorts p, AuditTrail a) {
    return new PasswordReset(p, a);
  }

  @Singleton
  OrgAdmin orgAdmin(
      AccountPorts p, Access x, AuditTrail a, ai.agentlens.core.port.deletion.DeletionQueue d) {
    return new OrgAdmin(p, x, a, d);
  }

  @Singleton
  MemberAdmin memberAdmin(AccountPorts p, Access x, AuditTrail a) {
    return new MemberAdmin(p, x, a);
  }

  @Singleton
  Invitations invitations(AccountPorts p, Access x, AuditTrail a) {
    return new Invitations(p, x, a);
  }

  @Singleton
  InvitationSignUp invitationSignUp(AccountPorts p, Invitations i, SignIn s) {
    return new InvitationSignUp(p, i, s);
  }

  @Singleton
  ApiKeyAdmin apiKeyAdmin(AccountPorts p, Access x, AuditTrail a) {
    return new ApiKeyAdmin(p, x, a);
  }

  @Singleton
  AuditReader auditReader(AccountPorts p, Access x, AuditTrail a) {
    return new AuditReader(p, x, a);
  }

  @Singleton
  PersonalData personalData(
      AccountPorts p, AuditTrail a, ai.agentlens.core.port.deletion.DeletionQueue d) {
    return new PersonalData(p, a, d);
  }

  @Singleton
  OAuthSignIn oauthSignIn(AccountPorts p, SignIn s) {
    return new OAuthSignIn(p, s);
  }
}
