package ai.agentlens.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.AccountStack;
import ai.agentlens.api.Accounts;
import ai.agentlens.api.Api;
import ai.agentlens.api.Mailbox;
import ai.agentlens.api.SdkRequests;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the JSON APIs of a launcher (issue 19) with jqwik: generated bodies for {@code POST
 * /api/events}, {@code /v1/events/batch}, {@code /v1/traces} (OTLP JSON and protobuf) and the
 * management APIs — wrong types, deep nesting, huge numbers, invalid UTF-8, duplicate keys, unknown
 * fields, boundary sizes. Every reply must be below 500, come within the client's timeout (no hang)
 * and, when it is an error, carry the {@code {error,status}} envelope; after each property the
 * server still ingests a good event.
 *
 * <p>jqwik picks a fresh seed per run and prints it with a failure; the failing seed is replayed
 * first on the next run (jqwik's database, under {@code target/}), or pin it with
 * {@code @Property(seed = "…")} in a subclass override. The launcher is started once per test class
 * and shared by its properties. Each launcher module runs this through a subclass in its own {@code
 * src/test}, overriding a property (with a smaller {@code tries}) where its run must be shorter.
 */
public abstract class FuzzApiContract {

  private static final Map<Class<?>, FuzzTarget> TARGETS = new ConcurrentHashMap<>();

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /** The launcher and the principals the properties use. */
  protected FuzzTarget target;

  @BeforeProperty
  void startOnce() {
    target = TARGETS.computeIfAbsent(getClass(), c -> open());
  }

  private FuzzTarget open() {
    Mailbox mail = new Mailbox();
    TestStack stack = start(AccountStack.testProperties(mail.port()));
    Accounts accounts = new Accounts(stack, mail);
    Accounts.OrgOf org = accounts.org("Fuzz");
    String key = new Tenants(stack).create(Plan.SELF_HOSTED, null).key();
    return new FuzzTarget(stack, mail, key, org);
  }

  @AfterProperty
  void stillServing() {
    Api api = new Api(target.stack().url());
    Api.Reply good =
        api.post(
            "/api/events",
            target.key(),
            SdkRequests.batch(SdkRequests.toolCall(SdkRequests.session(), null)));
    assertThat(good.status()).as("a good event after the property: %s", good.raw()).isEqualTo(202);
  }

  @AfterContainer
  static void stopAll() {
    TARGETS.values().forEach(FuzzTarget::close);
    TARGETS.clear();
  }

  /**
   * Generated bodies for {@code POST /api/events}.
   *
   * @param body the body
   */
  @Property(tries = 5000, shrinking = ShrinkingMode.BOUNDED)
  public void apiEventsNeverFailsTheServer(@ForAll("ingestBodies") byte[] body) {
    FuzzChecks.check(target.post("/api/events", target.key(), body), body);
  }

  /**
   * Generated bodies for {@code POST /v1/events/batch}.
   *
   * @param body the body
   */
  @Property(tries = 3000, shrinking = ShrinkingMode.BOUNDED)
  public void batchNeverFailsTheServer(@ForAll("ingestBodies") byte[] body) {
    FuzzChecks.check(target.post("/v1/events/batch", target.key(), body), body);
  }

  /**
   * Generated bodies for the management JSON APIs, signed in as an org Owner (with the CSRF token)
   * or, for the public auth routes, anonymous.
   *
   * @param route the method and path
   * @param body the body
   */
  @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
  public void managementNeverFailsTheServer(
      @ForAll("managementRoutes") String route, @ForAll("managementBodies") byte[] body) {
    FuzzChecks.check(target.management(route, body), body);
  }

  /**
   * Generated OTLP/HTTP JSON trace requests for {@code POST /v1/traces}.
   *
   * @param body the body
   */
  @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
  public void otlpJsonNeverFailsTheServer(@ForAll("otlpJsonBodies") byte[] body) {
    Api.Reply reply = target.post("/v1/traces", target.key(), "application/json", body);
    Statistics.label("status").collect(reply.status());
    FuzzChecks.check(reply, body);
  }

  /**
   * Generated OTLP/HTTP protobuf bytes for {@code POST /v1/traces}: below 500 and, when refused, a
   * {@code 400} (the answer is a protobuf {@code google.rpc.Status}, so no JSON envelope).
   *
   * @param body the body
   */
  @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
  public void otlpProtobufNeverFailsTheServer(@ForAll("otlpProtobufBodies") byte[] body) {
    Api.Reply reply = target.post("/v1/traces", target.key(), "application/x-protobuf", body);
    Statistics.label("status").collect(reply.status());
    assertThat(reply.status()).as("status for %d protobuf bytes", body.length).isIn(200, 400, 413);
  }

  @Provide
  Arbitrary<byte[]> otlpJsonBodies() {
    return FuzzOtlp.json();
  }

  @Provide
  Arbitrary<byte[]> otlpProtobufBodies() {
    return FuzzOtlp.protobuf();
  }

  @Provide
  Arbitrary<byte[]> ingestBodies() {
    return FuzzBodies.ingest();
  }

  @Provide
  Arbitrary<byte[]> managementBodies() {
    return FuzzBodies.management();
  }

  @Provide
  Arbitrary<String> managementRoutes() {
    return Arbitraries.of(
        List.of(
            "POST /api/auth/signup",
            "POST /api/auth/login",
            "POST /api/auth/verify",
            "POST /api/auth/password-reset",
            "POST /api/auth/password-reset/confirm",
            "POST /api/invitations/accept",
            "POST /api/orgs",
            "PUT /api/orgs/{org}/settings",
            "POST /api/orgs/{org}/keys",
            "POST /api/orgs/{org}/invitations",
            "PATCH /api/orgs/{org}/members/{user}",
            "POST /api/orgs/{org}/transfer",
            "PATCH /api/me",
            "PUT /api/me/current-org"));
  }
}
