package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.Person;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PRD §8 permission matrix through the API: every management route × every role, allowed (2xx)
 * and denied (403, audited). One table; destructive actions an allowed role performs run on a fresh
 * org.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PermissionMatrixContract {

  /** The four roles. */
  enum R {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER
  }

  /** An org with one member per role. */
  record Fixture(String org, Map<R, Person> people) {}

  /**
   * One row of the table.
   *
   * @param name the action
   * @param allowed roles that may do it
   * @param destructive whether an allowed attempt needs a fresh org
   * @param call performs it as a person on a fixture
   */
  record Row(
      String name,
      Set<R> allowed,
      boolean destructive,
      BiFunction<Fixture, Person, Api.Reply> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Set<R> ALL = Set.of(R.OWNER, R.ADMIN, R.MEMBER, R.VIEWER);
  private static final Set<R> OA = Set.of(R.OWNER, R.ADMIN);
  private static final Set<R> O = Set.of(R.OWNER);

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;
  private Fixture shared;
  private final Map<R, Person> people = new EnumMap<>(R.class);

  @BeforeAll
  void startStack() {
    mail = new Mailbox();
    stack = start(AccountStack.testProperties(mail.port()));
    accounts = new Accounts(stack, mail);
    for (R r : R.values()) {
      people.put(r, accounts.signedIn(r.name().toLowerCase()));
    }
    shared = fixture();
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
  }

  private Fixture fixture() {
    String org = accounts.createOrg(people.get(R.OWNER), "Matrix");
    for (R r : List.of(R.ADMIN, R.MEMBER, R.VIEWER)) {
      accounts.join(org, people.get(R.OWNER), people.get(r), r.name().toLowerCase());
    }
    return new Fixture(org, people);
  }

  private static String base(Fixture f) {
    return "/api/orgs/" + f.org();
  }

  static List<Row> table(Accounts accounts) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("view org", ALL, false, (f, p) -> p.browser().get(base(f))));
    rows.add(new Row("list members", ALL, false, (f, p) -> p.browser().get(base(f) + "/members")));
    rows.add(
        new Row("view settings", ALL, false, (f, p) -> p.browser().get(base(f) + "/settings")));
    rows.add(
        new Row(
            "change settings",
            OA,
            false,
            (f, p) -> p.browser().put(base(f) + "/settings", Map.of("promptMasking", false))));
    rows.add(new Row("list keys", OA, false, (f, p) -> p.browser().get(base(f) + "/keys")));
    rows.add(
        new Row(
            "create key",
            OA,
            false,
            (f, p) -> p.browser().post(base(f) + "/keys", Map.of("name", "matrix"))));
    rows.add(
        new Row(
            "revoke key",
            OA,
            false,
            (f, p) -> {
              String id = accounts.key(f.org(), f.people().get(R.OWNER)).get("id").asText();
              return p.browser().delete(base(f) + "/keys/" + id);
            }));
    rows.add(
        new Row(
            "invite",
            OA,
            false,
            (f, p) ->
                p.browser()
                    .post(
                        base(f) + "/invitations",
                        Map.of("email", Accounts.email("inv"), "role", "member"))));
    rows.add(
        new Row(
            "list invitations", OA, false, (f, p) -> p.browser().get(base(f) + "/invitations")));
    rows.add(
        new Row(
            "revoke invitation",
            OA,
            false,
            (f, p) -> {
              String id =
                  f.people()
                      .get(R.OWNER)
                      .browser()
                      .post(
                          base(f) + "/invitations",
                          Map.of("email", Accounts.email("rev"), "role", "viewer"))
                      .json()
                      .get("id")
                      .asText();
              return p.browser().delete(base(f) + "/invitations/" + id);
            }));
    rows.add(
        new Row(
            "change role",
            OA,
            false,
            (f, p) ->
                p.browser()
                    .patch(
                        base(f) + "/members/" + f.people().get(R.VIEWER).userId(),
                        Map.of("role", "viewer"))));
    rows.add(
        new Row(
            "remove member",
            OA,
            true,
            (f, p) ->
                p.browser().delete(base(f) + "/members/" + f.people().get(R.VIEWER).userId())));
    rows.add(new Row("read audit", OA, false, (f, p) -> p.browser().get(base(f) + "/audit")));
    rows.add(
        new Row(
            "export audit",
            OA,
            false,
            (f, p) ->
                p.browser()
                    .get("/v1/audit/export?from=2020-01-01&to=2100-01-01&orgId=" + f.org())));
    rows.add(
        new Row(
            "transfer ownership",
            O,
            true,
            (f, p) ->
                p.browser()
                    .post(
                        base(f) + "/transfer",
                        Map.of("userId", f.people().get(R.ADMIN).userId()))));
    rows.add(new Row("delete org", O, true, (f, p) -> p.browser().delete(base(f))));
    return rows;
  }

  Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Row row : table(null)) {
      for (R r : R.values()) {
        out.add(Arguments.of(row.name(), r));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void everyActionIsAllowedOrDeniedAsTheMatrixSays(String action, R role) {
    Row row =
        table(accounts).stream().filter(r -> r.name().equals(action)).findFirst().orElseThrow();
    boolean allowed = row.allowed().contains(role);
    Fixture f = allowed && row.destructive() ? fixture() : shared;
    Person actor = f.people().get(role);
    Api.Reply reply = row.call().apply(f, actor);
    if (allowed) {
      assertThat(reply.status())
          .as(action + " as " + role + ": " + reply.raw())
          .isBetween(200, 299);
    } else {
      assertThat(reply.status()).as(action + " as " + role + ": " + reply.raw()).isEqualTo(403);
      assertThat(reply.json().get("error").asText()).isEqualTo("Insufficient permissions");
      String log = f.people().get(R.OWNER).browser().get(base(f) + "/audit?limit=5").raw();
      assertThat(log).contains("permission.denied").contains(actor.userId());
    }
  }
}
