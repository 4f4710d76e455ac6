package ai.agentlens.api.billing;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.toolCall;

import ai.agentlens.api.AccountStack;
import ai.agentlens.api.Api;
import ai.agentlens.api.FakeStripe;
import ai.agentlens.api.Mailbox;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the billing suites share: a launcher with Stripe on {@link FakeStripe} and a mailbox,
 * started once per suite, and the helpers to act as an org's members, post signed webhooks and read
 * the org's plan and audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BillingApiSupport {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The launcher under test. */
  protected TestStack stack;

  /** Stripe on WireMock. */
  protected FakeStripe stripe;

  /** The launcher's SMTP server. */
  protected Mailbox mail;

  /** Creates orgs with keys. */
  protected Tenants tenants;

  /** The launcher's API. */
  protected Api api;

  /**
   * Starts the launcher under test with extra properties.
   *
   * @param extra Micronaut properties
   * @return the running launcher
   */
  protected abstract TestStack start(Map<String, Object> extra);

  @BeforeAll
  void startAll() {
    stripe = new FakeStripe();
    mail = new Mailbox();
    Map<String, Object> p = new HashMap<>(AccountStack.testProperties(mail.port()));
    p.putAll(stripe.properties());
    stack = start(p);
    tenants = new Tenants(stack);
    api = new Api(stack.url());
  }

  @AfterAll
  void stopAll() {
    stack.close();
    stripe.close();
    mail.close();
  }

  /** A signed-in member of an org: the session cookie and its CSRF token. */
  protected record Person(String userId, String email, String cookie, String csrf) {}

  /**
   * Adds a user with a role to an org and signs them in.
   *
   * @param orgId the org
   * @param role the role
   * @return the person
   */
  protected Person member(String orgId, Role role) {
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    String email = id + "@example.com";
    var now = stack.bean(Clock.class).now();
    stack.bean(UserStore.class).create(new User(id, email, "U", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, role, now));
    var started = stack.bean(LoginSessions.class).start(id);
    return new Person(id, email, started.cookieValue(), started.session().csrfToken());
  }

  /**
   * Sends a request as a signed-in person (cookie + CSRF header), or with an API key.
   *
   * @param method the method
   * @param path the path
   * @param who the person, or {@code null}
   * @param key an API key, or {@code null}
   * @param body JSON body, or {@code null}
   * @return the reply
   */
  protected Api.Reply send(String method, String path, Person who, String key, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + path)).timeout(Duration.ofSeconds(20));
    if (who != null) {
      b.header("Cookie", "al_session=" + who.cookie() + "; al_csrf=" + who.csrf());
      b.header("X-CSRF-Token", who.csrf());
    }
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Posts a webhook with a signature header.
   *
   * @param body the payload
   * @param signature the header, or {@code null}
   * @return the reply
   */
  protected Api.Reply webhook(String body, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + "/webhooks/stripe"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("Stripe-Signature", signature);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Posts a webhook signed with the configured secret.
   *
   * @param body the payload
   * @return the reply
   */
  protected Api.Reply signed(String body) {
    return webhook(body, FakeStripe.sign(body, FakeStripe.WEBHOOK_SECRET));
  }

  /**
   * Reads an org's plan from the store.
   *
   * @param orgId the org
   * @return its plan
   */
  protected Plan plan(String orgId) {
    return stack.bean(OrgStore.class).find(orgId).orElseThrow().plan();
  }

  /**
   * Reads an org's audit actions, newest first.
   *
   * @param orgId the org
   * @return the actions
   */
  protected List<String> actions(String orgId) {
    return stack.bean(Stores.class).audit().query(orgId, AuditQuery.newest(100)).stream()
        .map(AuditEntry::action)
        .toList();
  }

  /**
   * Ingests tool calls with an org's key.
   *
   * @param t the org
   * @param events how many
   * @return the status
   */
  protected int ingest(Tenant t, int events) {
    List<String> list = new ArrayList<>();
    String s = "s-" + UUID.randomUUID();
    for (int i = 0; i < events; i++) {
      list.add(toolCall(s, null));
    }
    return api.post("/api/events", t.key(), batch(list.toArray(String[]::new))).status();
  }
}
