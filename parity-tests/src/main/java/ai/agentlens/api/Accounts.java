package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Drives the account API the way a person does: sign up, read the mail, verify, sign in. */
public final class Accounts {

  /** The password every test user has. */
  public static final String PASSWORD = "Correct-Horse-9";

  /**
   * A signed-in person.
   *
   * @param email the address
   * @param userId the user id
   * @param browser their browser, signed in
   */
  public record Person(String email, String userId, Browser browser) {}

  /**
   * An org with its Owner.
   *
   * @param id the org id
   * @param owner the Owner
   */
  public record OrgOf(String id, Person owner) {}

  private final TestStack stack;
  private final Mailbox mail;

  /**
   * Creates the helper.
   *
   * @param stack the launcher
   * @param mail the SMTP server it sends to
   */
  public Accounts(TestStack stack, Mailbox mail) {
    this.stack = stack;
    this.mail = mail;
  }

  /**
   * Returns a fresh, unused address.
   *
   * @param who a readable part
   * @return the address
   */
  public static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /**
   * Signs a new user up, verifies the address from the mail, and signs in.
   *
   * @param who a readable part of the address
   * @return the person
   */
  public Person signedIn(String who) {
    String email = email(who);
    Browser b = new Browser(stack.url());
    Api.Reply up =
        b.post(
            "/api/auth/signup",
            Map.of("email", email, "password", PASSWORD, "displayName", "User " + who));
    assertThat(up.status()).as(up.raw()).isEqualTo(201);
    String token = Mailbox.token(mail.await(email, "Verify"), "Verification token");
    Api.Reply verified = b.post("/api/auth/verify", Map.of("token", token));
    assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
    Api.Reply in = b.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(in.status()).as(in.raw()).isEqualTo(200);
    return new Person(email, up.json().get("id").asText(), b);
  }

  /**
   * Creates an org owned by a new signed-in user.
   *
   * @param name the org's name
   * @return the org
   */
  public OrgOf org(String name) {
    Person owner = signedIn("owner");
    return new OrgOf(createOrg(owner, name), owner);
  }

  /**
   * Creates an org for a signed-in user.
   *
   * @param owner the user
   * @param name the name
   * @return the org id
   */
  public String createOrg(Person owner, String name) {
    Api.Reply r = owner.browser().post("/api/orgs", Map.of("name", name));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  /**
   * Invites a signed-in user with a role and has them accept from their mail.
   *
   * @param org the org
   * @param inviter an Owner or Admin
   * @param invitee the invitee, signed in
   * @param role the role
   */
  public void join(String org, Person inviter, Person invitee, String role) {
    int before = mail.count(invitee.email());
    Api.Reply inv =
        inviter
            .browser()
            .post(
                "/api/orgs/" + org + "/invitations",
                Map.of("email", invitee.email(), "role", role));
    assertThat(inv.status()).as(inv.raw()).isEqualTo(201);
    String token =
        Mailbox.token(mail.await(invitee.email(), "invited", before), "Invitation token");
    Api.Reply ok =
        invitee.browser().post("/api/invitations/accept", Map.of("orgId", org, "token", token));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
  }

  /**
   * Creates an API key through the API.
   *
   * @param org the org
   * @param admin an Owner or Admin
   * @return the create reply's JSON
   */
  public com.fasterxml.jackson.databind.JsonNode key(String org, Person admin) {
    Api.Reply r =
        admin
            .browser()
            .post("/api/orgs/" + org + "/keys", Map.of("name", "ci", "environment", "live"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.json();
  }
}
