package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accounts, orgs, roles, keys and the audit log through the real management API, run unchanged on
 * both launchers (issue 6). Mail goes through a real SMTP server (GreenMail); time moves with
 * {@link TestClock} instead of sleeping.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
public abstract class AccountApiContract extends AccountStack {

  private static List<String> actions(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.get("action").asText()));
    return out;
  }

  @Test
  void signUpVerifyCreateOrgInviteViewerManageKeysAndReadItAllInTheAuditLog() throws Exception {
    Person owner = accounts.signedIn("alice");
    String org = accounts.createOrg(owner, "Acme Robotics");
    Person viewer = accounts.signedIn("bob");
    accounts.join(org, owner, viewer, "viewer");

    JsonNode members = owner.browser().get("/api/orgs/" + org + "/members").json().get("members");
    assertThat(members).hasSize(2);
    assertThat(members.findValuesAsText("role")).containsExactlyInAnyOrder("owner", "viewer");
    JsonNode bobsMe = viewer.browser().get("/api/me").json();
    assertThat(bobsMe.get("orgs").findValuesAsText("role")).containsExactly("viewer");

    JsonNode created = accounts.key(org, owner);
    String secret = created.get("key").asText();
    assertThat(secret).matches("al_live_[0-9A-Za-z]{32}");
    assertThat(created.get("prefix").asText()).isEqualTo(secret.substring(0, 16));
    Api.Reply list = owner.browser().get("/api/orgs/" + org + "/keys");
    assertThat(list.raw()).doesNotContain(secret);
    assertThat(list.json().get("keys").get(0).hasNonNull("key")).isFalse();

    Api api = new Api(stack.url());
    assertThat(api.get("/api/sessions", secret).status()).isEqualTo(200);
    Api.Reply revoked =
        owner.browser().delete("/api/orgs/" + org + "/keys/" + created.get("id").asText());
    assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
    assertThat(revoked.json().hasNonNull("revokedAt")).isTrue();
    Api.Reply after =
        api.await("/api/sessions", secret, r -> r.status() == 401, Duration.ofSeconds(5));
    assertThat(after.status()).isEqualTo(401);

    JsonNode log = owner.browser().get("/api/orgs/" + org + "/audit?limit=1000").json();
    assertThat(actions(log.get("entries")))
        .contains("org.create", "member.invite", "member.join", "api_key.create", "api_key.revoke");
    String today = TestClock.current().toString().substring(0, 10);
    Api.Reply export =
        owner.browser().get("/v1/audit/export?from=2020-01-01&to=" + today + "&orgId=" + org);
    assertThat(export.status()).as(export.raw()).isEqualTo(200);
    List<String> exported = actions(export.json().get("entries"));
    assertThat(exported)
        .containsSubsequence(
            "org.create", "member.invite", "member.join", "api_key.create", "api_key.revoke");
    JsonNode first = export.json().get("entries").get(0);
    assertThat(first.get("actorId").asText()).isEqualTo(owner.userId());
    assertThat(first.get("ip").asText()).isNotBlank();
    assertThat(first.get("result").asText()).isEqualTo("success");
    assertThat(viewer.browser().get("/api/orgs/" + org + "/audit").status()).isEqualTo(403);
  }

  @Test
  void loginsLogoutsAndFailedAttemptsAreAudited() {
    OrgOf o = accounts.org("Audited");
    Browser again = new Browser(stack.url());
    assertThat(
            again
                .post(
                    "/api/auth/login",
                    Map.of("email", o.owner().email(), "password", "Wrong-password-1"))
                .status())
        .isEqualTo(401);
    assertThat(
            again
                .post(
                    "/api/auth/login",
                    Map.of("email", o.owner().email(), "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(again.post("/api/auth/logout", null).status()).isEqualTo(204);
    assertThat(again.get("/api/me").status()).isEqualTo(401);
    JsonNode entries =
        o.owner().browser().get("/api/orgs/" + o.id() + "/audit").json().get("entries");
    List<String> seen = new ArrayList<>();
    entries.forEach(e -> seen.add(e.get("action").asText() + ":" + e.get("result").asText()));
    assertThat(seen).contains("auth.login:failure", "auth.login:success", "auth.logout:success");
  }

  @Test
  void anUnverifiedAccountCannotSignInAndAVerificationTokenWorksOnce() {
    String email = Accounts.email("carol");
    Browser b = new Browser(stack.url());
    assertThat(
            b.post("/api/auth/signup", Map.of("email", email, "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(201);
    assertThat(
            b.post("/api/auth/login", Map.of("email", email, "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(403);
    String token = Mailbox.token(mail.await(email, "Verify"), "Verification token");
    assertThat(b.post("/api/auth/verify", Map.of("token", token)).status()).isEqualTo(200);
    assertThat(b.post("/api/auth/verify", Map.of("token", token)).status()).isEqualTo(400);
    assertThat(
            b.post("/api/auth/login", Map.of("email", email, "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(
            b.post("/api/auth/signup", Map.of("email", email, "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(409);
  }

  @Test
  void badInputIs400WithAClearMessageNever500() {
    Browser b = new Browser(stack.url());
    Api.Reply weak =
        b.post("/api/auth/signup", Map.of("email", Accounts.email("d"), "password", "short"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("error").asText()).contains("8 characters");
    assertThat(
            b.post("/api/auth/signup", Map.of("email", "not-an-address", "password", "Abcdefg1"))
                .status())
        .isEqualTo(400);
    assertThat(b.send("POST", "/api/auth/signup", "{not json").status()).isEqualTo(400);
    Person p = accounts.signedIn("erin");
    assertThat(p.browser().post("/api/orgs", Map.of()).status()).isEqualTo(400);
    assertThat(p.browser().post("/api/orgs", Map.of("name", "x", "slug", "Bad Slug!")).status())
        .isEqualTo(400);
  }

  @Test
  void sessionCookieIsHttpOnlySecureStrictRandomAndStateChangesNeedTheCsrfToken() {
    Person p = accounts.signedIn("frank");
    Api.Reply login =
        new Browser(stack.url())
            .post("/api/auth/login", Map.of("email", p.email(), "password", Accounts.PASSWORD));
    String session =
        Browser.setCookies(login).stream()
            .filter(c -> c.startsWith("al_session="))
            .findFirst()
            .orElseThrow();
    assertThat(session)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("Secure")
        .containsIgnoringCase("SameSite=Strict");
    String value = session.substring("al_session=".length(), session.indexOf(';'));
    assertThat(value)
        .hasSizeGreaterThanOrEqualTo(43)
        .isNotEqualTo(p.browser().cookie("al_session"));

    Browser noCsrf = p.browser().on(stack.url()).withoutCsrf();
    Api.Reply refused = noCsrf.post("/api/orgs", Map.of("name", "No CSRF"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).contains("CSRF");
    assertThat(noCsrf.get("/api/me").status()).isEqualTo(200);
    assertThat(p.browser().post("/api/orgs", Map.of("name", "With CSRF")).status()).isEqualTo(201);
  }

  @Test
  void sessionsExpireAfterSevenDaysOfInactivity() {
    Person p = accounts.signedIn("gina");
    assertThat(p.browser().get("/api/me").status()).isEqualTo(200);
    TestClock.advance(Duration.ofDays(6));
    assertThat(p.browser().get("/api/me").status()).isEqualTo(200);
    TestClock.advance(Duration.ofDays(6));
    assertThat(p.browser().get("/api/me").status()).isEqualTo(200);
    TestClock.advance(Duration.ofDays(7).plusMinutes(1));
    assertThat(p.browser().get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void invitationsExpireAfterSevenDaysAndANewUserCanJoinThroughTheLink() {
    OrgOf o = accounts.org("Inviting");
    String late = Accounts.email("late");
    assertThat(
            o.owner()
                .browser()
                .post(
                    "/api/orgs/" + o.id() + "/invitations", Map.of("email", late, "role", "member"))
                .status())
        .isEqualTo(201);
    String lateToken = Mailbox.token(mail.await(late, "invited"), "Invitation token");
    String fresh = Accounts.email("fresh");
    o.owner()
        .browser()
        .post("/api/orgs/" + o.id() + "/invitations", Map.of("email", fresh, "role", "viewer"));
    String freshToken = Mailbox.token(mail.await(fresh, "invited"), "Invitation token");

    TestClock.advance(Duration.ofDays(7).plusMinutes(1));
    Api.Reply expired =
        new Browser(stack.url())
            .post(
                "/api/invitations/accept",
                Map.of("orgId", o.id(), "token", lateToken, "password", Accounts.PASSWORD));
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("error").asText()).contains("expired");

    String newer = Mailbox.token(mail.await(fresh, "invited"), "Invitation token");
    assertThat(newer).isEqualTo(freshToken);
    o.owner()
        .browser()
        .post("/api/auth/login", Map.of("email", o.owner().email(), "password", Accounts.PASSWORD));
    Api.Reply reinvite =
        o.owner()
            .browser()
            .post("/api/orgs/" + o.id() + "/invitations", Map.of("email", fresh, "role", "viewer"));
    assertThat(reinvite.status()).as(reinvite.raw()).isEqualTo(201);
    String current = awaitNewToken(fresh, freshToken);
    Browser newcomer = new Browser(stack.url());
    Api.Reply joined =
        newcomer.post(
            "/api/invitations/accept",
            Map.of("orgId", o.id(), "token", current, "password", Accounts.PASSWORD));
    assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
    assertThat(joined.json().get("role").asText()).isEqualTo("viewer");
    assertThat(newcomer.get("/api/me").json().get("orgs").get(0).get("id").asText())
        .isEqualTo(o.id());
    assertThat(
            newcomer
                .post(
                    "/api/invitations/accept",
                    Map.of("orgId", o.id(), "token", current, "password", Accounts.PASSWORD))
                .status())
        .isIn(400, 409);
  }

  private String awaitNewToken(String to, String old) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      String t = Mailbox.token(mail.await(to, "invited"), "Invitation token");
      if (!t.equals(old)) {
        return t;
      }
    }
    throw new AssertionError("no second invitation mail to " + to);
  }

  @Test
  void passwordResetTokensWorkOnceAndExpireAfterAnHour() {
    Person p = accounts.signedIn("hank");
    Browser anon = new Browser(stack.url());
    assertThat(anon.post("/api/auth/password-reset", Map.of("email", p.email())).status())
        .isEqualTo(202);
    assertThat(
            anon.post("/api/auth/password-reset", Map.of("email", Accounts.email("nobody")))
                .status())
        .isEqualTo(202);
    String token = Mailbox.token(mail.await(p.email(), "Reset"), "Reset token");
    Api.Reply ok =
        anon.post(
            "/api/auth/password-reset/confirm", Map.of("token", token, "password", "New-Pass-42"));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(
            anon.post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "password", "Other-Pass-43"))
                .status())
        .isEqualTo(400);
    assertThat(p.browser().get("/api/me").status()).as("sessions end on reset").isEqualTo(401);
    assertThat(
            anon.post("/api/auth/login", Map.of("email", p.email(), "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(401);
    assertThat(
            anon.post("/api/auth/login", Map.of("email", p.email(), "password", "New-Pass-42"))
                .status())
        .isEqualTo(200);

    anon.post("/api/auth/password-reset", Map.of("email", p.email()));
    String second = awaitNew(p.email(), "Reset", "Reset token", token);
    TestClock.advance(Duration.ofMinutes(61));
    assertThat(
            anon.post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", second, "password", "Late-Pass-44"))
                .status())
        .isEqualTo(400);
  }

  private String awaitNew(String to, String subject, String label, String old) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      String t = Mailbox.token(mail.await(to, subject), label);
      if (!t.equals(old)) {
        return t;
      }
    }
    throw new AssertionError("no new mail to " + to);
  }

  @Test
  void tenFailedAttemptsLockTheAccountAndTheIpForFifteenMinutes() {
    Person victim = accounts.signedIn("ivan");
    Browser attacker = new Browser(stack.url());
    for (int i = 0; i < 10; i++) {
      assertThat(
              attacker
                  .post(
                      "/api/auth/login", Map.of("email", victim.email(), "password", "Guess-" + i))
                  .status())
          .isEqualTo(401);
    }
    Browser owner = new Browser(stack.url());
    Api.Reply locked =
        owner.post(
            "/api/auth/login", Map.of("email", victim.email(), "password", Accounts.PASSWORD));
    assertThat(locked.status()).as("account locked, from any IP").isEqualTo(429);
    assertThat(locked.header("Retry-After")).isNotNull();

    Person bystander = accounts.signedIn("judy");
    Api.Reply sameIp =
        attacker.post(
            "/api/auth/login", Map.of("email", bystander.email(), "password", Accounts.PASSWORD));
    assertThat(sameIp.status()).as("the attacking IP is locked for every account").isEqualTo(429);

    Browser sprayer = new Browser(stack.url());
    for (int i = 0; i < 10; i++) {
      sprayer.post(
          "/api/auth/login", Map.of("email", Accounts.email("ghost"), "password", "Guess-1a"));
    }
    assertThat(
            sprayer
                .post(
                    "/api/auth/login",
                    Map.of("email", bystander.email(), "password", Accounts.PASSWORD))
                .status())
        .as("10 failures from one IP on many accounts lock that IP")
        .isEqualTo(429);

    TestClock.advance(Duration.ofMinutes(16));
    assertThat(
            owner
                .post(
                    "/api/auth/login",
                    Map.of("email", victim.email(), "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(200);
  }
}
