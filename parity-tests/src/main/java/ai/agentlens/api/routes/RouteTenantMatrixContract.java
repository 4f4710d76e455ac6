package ai.agentlens.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.AccountStack;
import ai.agentlens.api.Accounts;
import ai.agentlens.api.Mailbox;
import ai.agentlens.api.TestStack;
import ai.agentlens.api.routes.Expect.Caller;
import ai.agentlens.api.routes.RouteTable.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The route × tenant matrix (issue 19): every route the running launcher's router has registered —
 * JSON API, pages, webhooks, MCP, OTLP, metrics — called as no one, a Viewer, a Member, another
 * org's session, another org's API key, an API key on a session-only route and, as the control, the
 * Owner. What each must get comes from one table, {@code route-access.tsv}, through {@link Expect};
 * a registered route missing from the table fails, and so does a row no route matches.
 *
 * <p>Each launcher runs it through a tiny subclass that starts itself once for the whole class and
 * lists its router's routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RouteTenantMatrixContract {

  /** The token the operator-only routes ({@code /metrics}) are started with. */
  static final String OPERATOR_TOKEN = "matrix-operator-token-0123456789";

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Lists the routes the running launcher's router has registered.
   *
   * @param stack the running launcher
   * @return {@code METHOD /uri/template} per route, e.g. {@code GET /api/sessions/{id}}
   */
  protected abstract List<String> routes(TestStack stack);

  /**
   * Names the launcher, as the table's {@code on} column does.
   *
   * @return {@code selfhosted} or {@code cloud}
   */
  protected abstract String launcher();

  private TestStack stack;
  private Mailbox mail;
  private RouteFixtures f;
  private RouteCalls calls;
  private List<Row> rows;

  @BeforeAll
  void startStack() {
    mail = new Mailbox();
    Map<String, Object> props = new HashMap<>(AccountStack.testProperties(mail.port()));
    props.put("agentlens.metrics.token", OPERATOR_TOKEN);
    stack = start(props);
    f = new RouteFixtures(stack, new Accounts(stack, mail));
    calls = new RouteCalls(stack.url(), f);
    rows = RouteTable.read().stream().filter(r -> r.launchers().contains(launcher())).toList();
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
  }

  @Test
  void everyRegisteredRouteHasARowInTheTable() {
    Set<String> listed = rows.stream().map(Row::route).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(registered());
    missing.removeAll(listed);
    assertThat(missing)
        .as(
            "routes %s registers that %s does not list for it (add a row: docs/testing.md)",
            launcher(), RouteTable.RESOURCE)
        .isEmpty();
  }

  @Test
  void everyRowOfTheTableIsARegisteredRoute() {
    Set<String> registered = registered();
    List<String> stale =
        rows.stream().map(Row::route).filter(r -> !registered.contains(r)).sorted().toList();
    assertThat(stale)
        .as("rows of %s with no such route on %s", RouteTable.RESOURCE, launcher())
        .isEmpty();
    List<String> all = RouteTable.read().stream().map(Row::route).toList();
    assertThat(all).as("each route once in " + RouteTable.RESOURCE).doesNotHaveDuplicates();
  }

  /**
   * Returns the registered routes, each HEAD route the router adds beside a GET folded into the GET
   * (it is the GET's own handler without the body).
   */
  private Set<String> registered() {
    Set<String> all = new TreeSet<>(routes(stack));
    all.removeIf(r -> r.startsWith("HEAD ") && all.contains("GET " + r.substring(5)));
    return all;
  }

  /**
   * Every row × every caller. Refusals and reads run first, then the writes a caller may make (a
   * Member creating a benchmark in org A, org B's key acting in org B), so nothing org A's ids
   * point at is deleted before every other caller has tried it.
   */
  @TestFactory
  Stream<DynamicTest> everyRouteAnswersEveryCallerAsTheTableSays() {
    List<DynamicTest> first = new ArrayList<>();
    List<DynamicTest> last = new ArrayList<>();
    for (Row row : rows) {
      for (Caller caller : Caller.values()) {
        Expect expect = Expect.of(row, caller);
        if (expect == Expect.SKIP) {
          continue;
        }
        boolean acting = expect == Expect.ALLOWED || expect == Expect.ISOLATED;
        (acting && row.write() ? last : first)
            .add(
                DynamicTest.dynamicTest(
                    row.route() + " as " + caller + " → " + expect,
                    () -> calls.check(row, caller, expect)));
      }
    }
    return Stream.concat(first.stream(), last.stream());
  }
}
